# --format svg draws the --append history's trend (issue 22): a panel per
# KPI (three a row, 290 x 150 px from (16, 46)), a line over the dates
# from 0 to the KPI's largest, its plot 220 px wide and 100 high under
# the panel's name: x = 16 + 220 * (date's rank) / (dates - 1), y = 166
# - 100 * value / largest.  Three nights of 4, 6 and then all 12 deals.
# deals 4 (its first 4 rows: A..D), 6, 12: y = 166 - 100 * 4/12 =
# 132.7, 116.0, 66.0, at x = 16, 126, 236; the latest, 12, written
# beside its point.  Checked against the history's csv with awk.
d=data/kpi/deals.csv
head -5 $d >n1.csv
head -7 $d >n2.csv
funnel-kpi --asof 2025-03-01 --append h.csv n1.csv >/dev/null
funnel-kpi --asof 2025-03-05 --append h.csv n2.csv >/dev/null 2>&1
funnel-kpi --asof 2025-03-10 --append h.csv -f svg $d >k.svg 2>/dev/null
echo "exit $?"
xmllint --noout k.svg && echo "well-formed XML"
awk -F, 'NR > 1 { v[NR - 1] = $2; if ($2 > m) m = $2 }
	END { for (i = 1; i <= 3; i++)
		printf "%s%.1f,%.1f", (i > 1 ? " " : ""), 16 + 220 * (i - 1) / 2, 166 - 100 * v[i] / m
		print "" }' h.csv >want.txt
grep -o 'points="[^"]*"' k.svg | head -1 | sed 's/points="//; s/"//' >got.txt
cmp want.txt got.txt && echo "deals line = history: $(cat got.txt)"
cut -d, -f1,2 h.csv
grep -c '<polyline' k.svg
# Without --append there is no history to draw: 64 before reading.
funnel-kpi --asof 2025-03-10 -f svg $d
echo "exit $?"
