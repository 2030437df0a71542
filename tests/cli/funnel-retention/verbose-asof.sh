# -v says the as-of date used: by default the latest activity date read
# (2024-06-01); given with --asof, the user knows it and it is not said.
printf '%s\n' customer_id,order_date c1,2024-03-01 c1,2024-06-01 c2,2024-04-15 >orders.csv
funnel-retention -v orders.csv 2>&1 >/dev/null | grep 'as-of'
funnel-retention -v --asof 2024-07-31 orders.csv 2>&1 >/dev/null | grep 'as-of' || echo 'not said'
