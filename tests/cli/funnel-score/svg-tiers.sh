# --format svg draws the scores report as its tiers' bars per group
# (issue 22): a bar per tier with deals, bytewise, as long as its deals
# over the group's largest tier (360 px), its deals and their share of
# the group's written beside it.  The counts are checked against the
# csv's tier column with awk (region, then tier), and the bar widths
# are 360 * deals / largest: North's A (2 deals) 360, its C (1) 180.
f=examples/opportunities.csv
funnel-score --by region -f svg $f >t.svg
echo "exit $?"
xmllint --noout t.svg && echo "well-formed XML"
funnel-score --by region $f | awk -F, 'NR > 1 { n[$1 "," $4]++; all[$1]++ }
	END { for (k in n) { split(k, p, ","); printf "%s %s %d %.1f%%\n", p[1], p[2], n[k], 100 * n[k] / all[p[1]] } }' |
	sort >want.txt
awk '/font-weight="bold">/ { sub(/.*">/, ""); sub(/<.*/, ""); g = $0 }
	/text-anchor="end">/ { sub(/.*">/, ""); sub(/<.*/, ""); t = $0 }
	/ · / { sub(/.*">/, ""); sub(/<.*/, ""); sub(/ · /, " "); print g, t, $0 }' t.svg |
	grep -v 'Bars:' | sort >got.txt
cmp want.txt got.txt && echo "tiers = csv:" && cat got.txt
grep -o 'width="[0-9.]*" height="18"' t.svg
