# A record with an empty customer id: 65, with the line.
printf '%s\n' 'customer_id,order_date' 'A,2024-01-05' ',2024-02-01' | funnel-retention
