# Was a bug, fixed: a LOST deal closed before it was created is accepted. funnel-kpi
# reads outcomes and dates as funnel-cycle(1) does (funnel-kpi(1): the
# same input conventions as the other commands), and there a won or lost deal that
# closes before it was created is bad data (65, FILE:LINE, the column).
# funnel-kpi checks only won deals (it measures only their cycles), so the
# lost deal below counts, and its bad close date can even become the KPIs'
# date. Expected: exit 65, as for a won deal, nothing on stdout.
printf '%s\n' id,stage,created_at,close_date a,Won,2025-01-01,2025-01-11 \
	b,Lost,2025-01-05,2025-01-04 >deals.csv
funnel-kpi deals.csv
echo "exit $?"
funnel-cycle deals.csv
echo "funnel-cycle exit $?"
