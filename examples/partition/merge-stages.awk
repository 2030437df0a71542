#!/usr/bin/awk -f
# merge-stages.awk - adds up funnel-stages CSV results of disjoint parts of
# the deals (split by key, run with the same --stages and --by):
#
#   awk -F, -f merge-stages.awk part-*.out.csv
#
# Counts add up exactly: reached, dropped and lost per group and stage;
# the conversions are worked out again from them (step: reached over the
# stage before's reached; overall: over the first stage's).  Medians, means,
# bottlenecks and p-values need every deal's values, so they are left out.
FNR == 1 {
	for (i = 1; i <= NF; i++) col[$i] = i
	if (!("stage" in col) || !("reached" in col)) {
		print FILENAME ": not a funnel-stages CSV result" > "/dev/stderr"; exit 65
	}
	ngroup = col["stage"] - 1  # --by columns come before the stage
	next
}
{
	g = ""
	for (i = 1; i <= ngroup; i++) g = g $i ","
	k = g SUBSEP $col["stage"]
	if (!(k in reached)) { order[++n] = k; grp[k] = g; stage[k] = $col["stage"] }
	reached[k] += $col["reached"]
	dropped[k] += $col["dropped"]
	lost[k] += $col["lost"]
}
END {
	if (ngroup) for (i = 1; i <= ngroup; i++) printf "%s,", "group" i
	print "stage,reached,step_conversion,overall_conversion,dropped,lost"
	for (i = 1; i <= n; i++) {
		k = order[i]
		if (i == 1 || grp[k] != grp[order[i - 1]]) first = prev = reached[k]
		printf "%s%s,%d,%s,%s,%d,%d\n", grp[k], stage[k], reached[k],
			prev ? sprintf("%.4f", reached[k] / prev) : "",
			first ? sprintf("%.4f", reached[k] / first) : "",
			dropped[k], lost[k]
		prev = reached[k]
	}
}
