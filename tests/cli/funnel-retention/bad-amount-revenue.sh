# With --revenue the amounts are read, and one that is no number is 65.
printf '%s\n' 'customer_id,order_date,amount' 'A,2024-01-05,10' 'A,2024-02-05,ten' |
funnel-retention --revenue --amount amount
