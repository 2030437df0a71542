# The period and its boundaries, on tests/data/visits/visits.csv.
v=data/visits/visits.csv
# --from 2024-03-05 --to 2024-03-14, both included: 10 days, 10/7 weeks.
# Left out: V1 (03-04), V7 (03-17), V8 (03-31).
# alice: V2 D1 continuation, V3 D2 order (objective, next step):
#   visits 2, deals 2, customers 2, 2/2 = 1.00; advance_rate 1/2;
#   objective 1/2, next 1/2; visits_per_week 2 * 7 / 10 = 1.40.
# bob: V4, V5, V6 as in reps-by-rep: 3 * 7 / 10 = 2.10 a week.
# carol: no visit in the period, no row.
funnel-visits --from 2024-03-05 --to 2024-03-14 $v
# --asof 2024-03-11: V6, V7, V8 (after it) are left out, three (said
# with -v).  Kept: V1..V5, 03-04 to 03-11: 8 days.  alice V1 V2 V3:
# 3 * 7 / 8 = 2.625, exactly a double, which %.2f rounds half to even:
# 2.62; bob V4 V5: 2 * 7 / 8 = 1.75;
# bob: deals 1 (D3, V5), visits_per_deal 1/1 = 1.00, no_sale 1,
# unrecorded 1: advance_rate 0/1 = 0.0000; objective 2/2 = 1.0000,
# next step 0/2 = 0.0000.
funnel-visits -v --asof 2024-03-11 $v
# A period with no visit: the header alone (visits_per_week has no row
# to be undefined in), and a warning, without -v, that every visit was
# left out: an empty report is not a log without visits.
funnel-visits --from 2025-01-01 --to 2025-01-31 $v
echo "exit $?"
# The same for an --asof before every visit (V1 is 2024-03-04): 8 after.
funnel-visits --asof 2024-01-01 $v
echo "exit $?"
