# --orders as funnel-retention reads them:
# 1) an orders row after the KPIs' date (2025-03-15) is left out, with
#    funnel-retention's warning: A active in January and February, B only
#    on 03-20: February S = {A}, E = {A}, retained A: 1/1 = 1.0000, 1
# 2) an orders file that cannot be opened: 66, nothing on stdout or in
#    the history
# 3) an impossible date in the orders: 65, FILE:LINE
# 4) no customer column: 64 listing the headers, naming --orders-key (the
#    command has no --key for the orders)
# 5) --period not one of day, week, month, quarter, year: 64
printf '%s\n' customer_id,order_date A,2025-01-03 A,2025-02-03 B,2025-03-20 >late.csv
funnel-kpi --orders late.csv data/kpi/deals.csv | cut -d, -f1,14,15
funnel-kpi --orders no-such.csv --append hist.csv data/kpi/deals.csv
echo "exit $?"
[ -e hist.csv ] || echo "no history"
printf '%s\n' customer_id,order_date A,2025-02-30 >bad.csv
funnel-kpi --orders bad.csv data/kpi/deals.csv
echo "exit $?"
printf '%s\n' who,when A,2025-02-03 >cols.csv
funnel-kpi --orders cols.csv data/kpi/deals.csv
echo "exit $?"
funnel-kpi --orders data/kpi/orders.csv --period fortnight data/kpi/deals.csv
echo "exit $?"
