# The same mistyped year with --max-periods 2: three offset columns, and
# the rows are the cohorts that have customers, so the table is small.
# c1 (Jan) is not active in Feb or Mar 2024: 0, 0; c2 (Feb): 0 in Mar,
# and April 2024 has ended by the as-of day (6024), so p2 is 0 too.
printf '%s\n' 'customer_id,order_date' 'c1,2024-01-05' 'c2,2024-02-01' 'c1,6024-03-05' >orders.csv
funnel-retention --max-periods 2 orders.csv
