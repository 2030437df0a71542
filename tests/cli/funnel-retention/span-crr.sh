# --crr makes one row per period, so the bound holds there even with a
# week period: 2024-01-01 (a Monday) to 2224-01-01 (a Thursday) is 73048
# days (python3 datetime); its week starts 3 days earlier: 73045 / 7 =
# 10435 weeks.  --max-periods is not offered: --crr has no offsets.
printf '%s\n' 'customer_id,order_date' 'a,2024-01-01' 'a,2224-01-01' >orders.csv
funnel-retention --crr --period week orders.csv
