# A won deal closed before it was created is bad data (65) naming FILE:LINE
# and the column, not a negative cycle; nothing on stdout.
printf '%s\n' id,stage,created_at,close_date a,Won,2025-01-01,2025-01-11 \
	b,Won,2025-01-05,2025-01-04 >deals.csv
funnel-kpi deals.csv
echo "exit $?"
