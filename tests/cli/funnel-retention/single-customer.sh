# A one-customer input, active only in its period 0.  On 2024-05-31, May's
# last day, May has ended: p0 = 1/1.  On 2024-05-30 it has not: the
# cohort keeps its size, p0 is empty (never 0), and so is the all row's.
printf '%s\n' 'customer_id,order_date' 'Z,2024-05-31' | funnel-retention
printf '%s\n' 'customer_id,order_date' 'Z,2024-05-30' | funnel-retention
