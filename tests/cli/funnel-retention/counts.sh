# --counts: customers instead of rates; the same hand count as
# month-first.sh (Jan 3,1,1,1; Feb 2,1,1; Mar 1,0).  The all row sums the
# counts of the cohorts old enough: p1 1+1+0, p2 1+1, p3 1.
funnel-retention --counts data/retention/orders.csv
