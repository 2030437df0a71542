# A bad --asof is a usage error (64) that says why and what to give: not a
# date, a day past the month's end, day and month either way round.
for d in yesterday 2025-02-30 03/04/2025; do
	funnel-kpi --asof "$d" data/kpi/deals.csv
	echo "exit $?"
done
