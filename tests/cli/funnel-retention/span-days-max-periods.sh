# The span error's advice works: a year typed 9024 for 2024 with --period
# day puts the last date 2,556,757 days after the first (python3: date(
# 9024, 3, 5) - date(2024, 1, 5)). Without --max-periods that is refused
# (65), advising --max-periods; with --max-periods 2 the run goes through
# (it was refused, 64, for cohorts more than 2^21 days apart, advising
# --max-periods again). Rows are the cohorts that have customers, columns
# p0..p2: c1 (2024-01-05) active on 01-06, not 01-07: 1, 1, 0; c2
# (2024-01-06) active on neither 01-07 nor 01-08: 1, 0, 0; c3 (9024-03-05,
# the as-of day, which has ended by its own day): 1, then empty, as the
# next days have not ended; all: size 3, the ended cells of the cohorts,
# 3 of 3, 1 of 2, 0 of 2.
printf '%s\n' customer_id,order_date c1,2024-01-05 c2,2024-01-06 \
	c1,2024-01-06 c1,9024-03-05 c3,9024-03-05 >orders.csv
funnel-retention --period day orders.csv
echo "exit $?"
funnel-retention --period day --max-periods 2 orders.csv
echo "exit $?"
