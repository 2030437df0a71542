# The reps report on tests/data/visits/visits.csv, worked by hand.
# Period: 2024-03-04 (V1) to 2024-03-31 (V8): 28 days, 4 weeks.
# alice: V1 D1 C1 advance (objective, next step), V2 D1 C1 continuation,
#   V3 D2 C2 成交=order (objective, next step).  visits 3, deals 2,
#   customers 2, visits_per_deal 3/2 = 1.50, order 1 advance 1
#   continuation 1, advance_rate (1+1)/3 = 0.6667, objective_rate 2/3,
#   next_step_rate 2/3, visits_per_week 3/4 = 0.75.
# bob: V4 (no deal) C3 blank outcome (objective), V5 D3 C3 no_sale=no-sale
#   (objective), V6 D3 C3 推进=advance (next step).  visits 3, deals 1,
#   customers 1, visits_per_deal: 2 visits name a deal / 1 = 2.00;
#   advance 1 no_sale 1 unrecorded 1: advance_rate 1/(3-1) = 0.5000;
#   objective 2/3 = 0.6667, next step 1/3 = 0.3333, 3/4 = 0.75 a week.
# carol: V7 D4 C4 暂停=continuation, V8 D4 C4 " ADVANCE " (trimmed, no
#   case) = advance (objective, next step).  visits 2, deals 1,
#   customers 1, 2/1 = 2.00, advance_rate 1/2, objective 1/2, next 1/2,
#   2/4 = 0.50 a week.
funnel-visits data/visits/visits.csv
# -p 2: rates and averages at 2 digits (0.67, 0.33, 1.50).
funnel-visits -p 2 data/visits/visits.csv
# The same with every column named, and --visit: ids all distinct.
funnel-visits --visit visit_id --deal deal_id --customer customer_id \
	-t visit_date --rep rep --objective objective \
	--visit-outcome visit_outcome --next-step next_step \
	data/visits/visits.csv
