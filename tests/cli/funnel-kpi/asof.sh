# The KPIs' date, the first column:
# 1) by default the latest date of the deals: a created date, or the close
#    date of a won or lost deal. An open deal's close date is a forecast and
#    is ignored: here b's 2025-09-30 would otherwise win; a's close date
#    2025-02-10 is later than every created date (c, 2025-02-01).
# 2) --asof DATE names it (the KPIs are not recomputed as of that day: the
#    deals are the deals of the export); a date and time gives its day.
# 3) no date at all in the input: nothing to name the row by, a usage
#    error unless --asof is given.
printf '%s\n' id,stage,created_at,close_date a,Won,2025-01-05,2025-02-10 \
	b,Proposal,2025-01-20,2025-09-30 c,Lead,2025-02-01, >deals.csv
funnel-kpi deals.csv | cut -d, -f1-4
funnel-kpi --asof 2025-03-01 deals.csv | cut -d, -f1-4 | tail -n 1
funnel-kpi --asof '2025-03-02T23:30:00' deals.csv | cut -d, -f1-4 | tail -n 1
printf '%s\n' id,stage a,Won b,Lead >nodates.csv
funnel-kpi nodates.csv
echo "exit $?"
funnel-kpi --asof 2025-03-01 nodates.csv | cut -d, -f1-4
