# --period with --orders (data/kpi/orders.csv: Dec 12 E; Jan 5 A, 8 G,
# 20 B, 25 C, 30 H; Feb 3 E, 10 A, 14 D, 27 C; Mar 3 A, 8 F, 12 G), the
# last period that has ended by the date:
# 1) quarter, 2025-03-31: Q1 2025 has ended; S = Q4 2024 = {E},
#    E = Q1 = A..H = 8, retained E: 1/1 = 1.0000, active 8
# 2) quarter, 2025-03-15 (the deals' date): Q1 has not ended; the last
#    ended quarter, Q4 2024, is the first of the orders, with no quarter
#    before it: retention_rate and active_customers undefined
# 3) week (from Monday), 2025-03-15 a Saturday: the last ended week is
#    Mon 03-03 .. Sun 03-09: E = A (03-03), F (03-08) = 2; the week before,
#    02-24 .. 03-02: S = C (02-27) = 1, not retained: 0/1 = 0.0000
# 4) day, 2025-03-15: that day has ended; nobody active on 03-14 (S = 0):
#    retention 0/0 undefined; nobody on 03-15: active 0
for p in 'quarter --asof 2025-03-31' quarter week day; do
	funnel-kpi --orders data/kpi/orders.csv --period $p data/kpi/deals.csv |
		cut -d, -f1,14,15
done
