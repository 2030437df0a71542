# An --asof far beyond the data: the span is counted to it.  12 x 976 +
# 11 = 11723 months from 2024-01 to 3000-12.
printf '%s\n' 'customer_id,order_date' 'a,2024-01-05' 'a,2024-02-05' >orders.csv
funnel-retention --asof 3000-12-31 orders.csv
