# A record with fewer fields than the header: 65, naming the line.
printf '%s\n' customer_id,order_date,amount A,2024-01-05,10 B,2024-01-06 | funnel-retention
