# The bundled Maven export (examples/sales_pipeline.csv: engage_date ->
# close_date, deal_stage Won / Lost / Engaging / Prospecting), columns
# found automatically, won cycles by sales_agent and overall. Expected rows
# from sqlite3 (the days, julianday differences) and awk (count, mean, sd
# with n - 1, min, R type 7 percentiles p25 / median / p75 / p90, max),
# groups in byte order, the row of all deals last with an empty group.
funnel-cycle --by sales_agent examples/sales_pipeline.csv >got.csv || exit 1
sqlite3 -separator , :memory: >won.csv <<'SQL'
.import --csv examples/sales_pipeline.csv p
SELECT sales_agent, CAST(julianday(close_date) - julianday(engage_date) AS INTEGER) AS d
FROM p WHERE deal_stage = 'Won' ORDER BY sales_agent COLLATE BINARY, d;
SELECT '', CAST(julianday(close_date) - julianday(engage_date) AS INTEGER) AS d
FROM p WHERE deal_stage = 'Won' ORDER BY d;
SQL
awk -F, '
function q(p,   h, lo) {
	h = (n - 1) * p; lo = int(h)
	return lo + 1 < n ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo]
}
function flush(   i, s, ss, m, sd) {
	if (n == 0) return
	for (i = 0; i < n; i++) s += v[i]
	m = s / n
	for (i = 0; i < n; i++) ss += (v[i] - m) ^ 2
	sd = n > 1 ? sprintf("%.2f", sqrt(ss / (n - 1))) : ""
	printf "%s,%d,%.2f,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f\n", g, n, m, sd, v[0], q(0.25), q(0.5), q(0.75), q(0.9), v[n - 1]
	n = 0
}
BEGIN { print "sales_agent,count,mean_days,sd_days,min_days,p25_days,median_days,p75_days,p90_days,max_days" }
NR > 1 && $1 != g { flush() }
{ g = $1; v[n++] = $2 }
END { flush() }' won.csv >want.csv
diff want.csv got.csv && echo "same ($(($(wc -l <got.csv) - 2)) agents and all deals)"
tail -1 got.csv
