# A stray quote inside an unquoted field (12"5) is malformed quoting even
# in a column funnel-retention does not use: 65, line and field named.
printf '%s\n' customer_id,order_date,note A,2024-01-05,ok 'B,2024-01-06,12"5 inch' | funnel-retention
