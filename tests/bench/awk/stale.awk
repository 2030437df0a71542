# mawk peer, stale deals as funnel-visits --report stale --stale 30d:
#   mawk -F, -v asof=DATE -f days.awk -f stale.awk visit-deals.csv visits.csv |
#   LC_ALL=C sort -t, -k1,1n -k2,2nr -k3,3 | cut -d, -f3-
# Prints deal,owner,stage,last_visit,days_since_last_visit,visits for the
# open deals of the deals file (read first) never visited, then those last
# visited more than 30 days before asof, each behind a sort key (0 for
# never visited, then the days) that the sort orders by and cut drops:
# never-visited deals by deal, then days descending, then deal.
FNR == 1 {
	delete col
	for (i = 1; i <= NF; i++) col[$i] = i
	D = col["deal_id"]; T = col["visit_date"]
	if (NR == 1) { OWNER = col["owner"]; STAGE = col["stage"]; STATUS = col["status"] }
	next
}
NR == FNR {
	s = tolower($STATUS)
	gsub(/^[ \t]+|[ \t]+$/, "", s)
	if (s == "open") open[$D] = $OWNER "," $STAGE
	next
}
$D in open {
	n[$D]++
	if ($T > last[$D]) last[$D] = $T
}
END {
	a = days(asof)
	for (d in open) {
		if (!(d in n))
			printf "0,0,%s,%s,,,0\n", d, open[d]
		else if ((k = a - days(last[d])) > 30)
			printf "1,%d,%s,%s,%s,%d,%d\n", k, d, open[d], last[d], k, n[d]
	}
}
