# A year typed 6024 for 2024 would make a matrix of 48,002 monthly
# columns (4000 years x 12 + Jan..Mar).  More than 10,000 periods from the
# first cohort to the last is refused (65), naming both ends.
printf '%s\n' 'customer_id,order_date' 'c1,2024-01-05' 'c2,2024-02-01' 'c1,6024-03-05' >orders.csv
funnel-retention orders.csv
