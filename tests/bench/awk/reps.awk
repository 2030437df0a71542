# mawk peer, visit outcomes per rep as funnel-visits --report reps:
#   mawk -F, -v outcomes=../outcomes.csv -f days.awk -f outcome.awk \
#        -f reps.awk visits.csv | LC_ALL=C sort
# Prints rep,visits,deals,customers,visits_per_deal,order,advance,
# continuation,no_sale,unrecorded,advance_rate,objective_rate,
# next_step_rate,visits_per_week per rep (sorted by rep by the sort).  As
# duckdb/bench.mjs: visits naming a deal per distinct deal, (order +
# advance) / recorded, the shares of visits with a non-blank objective and
# next step, visits per week of the whole log's period (first to last visit
# date, inclusive); a rate of nothing is blank.
NR == 1 {
	for (i = 1; i <= NF; i++) col[$i] = i
	D = col["deal_id"]; C = col["customer_id"]; T = col["visit_date"]
	R = col["rep"]; OBJ = col["objective"]; OUT = col["outcome"]
	NEXT = col["next_step"]
	first = "9999"
	next
}
{
	r = $R
	n[r]++
	if ($D != "") {
		named[r]++
		if (!((r, $D) in seen_deal)) { seen_deal[r, $D]; deals[r]++ }
	}
	if ($C != "" && !((r, $C) in seen_cust)) { seen_cust[r, $C]; custs[r]++ }
	cnt[r, outcome($OUT)]++
	if ($OBJ ~ /[^ \t]/) obj[r]++
	if ($NEXT ~ /[^ \t]/) nxt[r]++
	if ($T < first) first = $T
	if ($T > last) last = $T
}
function ratio(a, b) { return b ? sprintf("%.17g", a / b) : "" }
END {
	weeks = (days(last) - days(first) + 1) / 7
	for (r in n) {
		o = cnt[r, "order"] + 0; a = cnt[r, "advance"] + 0; u = cnt[r, "unrecorded"] + 0
		printf "%s,%d,%d,%d,%s,%d,%d,%d,%d,%d,%s,%s,%s,%.17g\n", r, n[r], deals[r],
			custs[r], ratio(named[r], deals[r]), o, a, cnt[r, "continuation"],
			cnt[r, "no-sale"], u, ratio(o + a, n[r] - u), ratio(obj[r], n[r]),
			ratio(nxt[r], n[r]), n[r] / weeks
	}
}
