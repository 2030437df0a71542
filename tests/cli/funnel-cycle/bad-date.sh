# An impossible date stops the run (65) naming FILE:LINE, the column and the
# value; nothing on stdout. Open deals' close dates are read too: a bad
# cell is bad data wherever it is.
printf '%s\n' id,created_at,close_date,stage a,2024-01-01,2024-01-05,Won \
	b,2024-02-30,2024-03-05,Won >deals.csv
funnel-cycle deals.csv; echo "exit $?"
printf '%s\n' id,created_at,close_date,stage a,2024-01-01,soon,Open | funnel-cycle
echo "exit $?"
