# --orders: retention_rate and active_customers of the last month that has
# ended by the KPIs' date, activity-based as funnel-retention --crr counts
# them: retention_rate = retained / S, S = customers active the month
# before, retained = those active in both; active_customers = E, the
# customers active in the month. data/kpi/orders.csv by month:
#   Dec E; Jan A B C G H; Feb A C D E; Mar A F G
# 1) date 2025-03-15 (from the deals): March has not ended; February:
#    S = Jan = 5, E = Feb = 4 (A C D E), retained A C = 2:
#    retention_rate 2/5 = 0.4000 (not crr = (E - N)/S = (4 - 1)/5 = 0.6),
#    active_customers 4
# 2) --asof 2025-03-31: March has ended: S = Feb = 4, E = Mar = 3
#    (A F G), retained A: 1/4 = 0.2500, active_customers 3
# The other KPIs are those of kpis-hand-worked.sh.
funnel-kpi --orders data/kpi/orders.csv data/kpi/deals.csv
funnel-kpi --orders data/kpi/orders.csv --asof 2025-03-31 data/kpi/deals.csv |
	cut -d, -f1,14,15 | tail -n 1
