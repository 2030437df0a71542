# An impossible date stops the run (65) naming FILE:LINE, the column and
# the value; nothing on stdout.
printf '%s\n' 'customer_id,order_date' 'A,2024-01-05' 'B,2024-02-30' 'C,2024-03-01' >orders.csv
funnel-retention orders.csv
