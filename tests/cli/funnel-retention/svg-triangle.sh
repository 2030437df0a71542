# --format svg draws the cohort triangle as a heat map (issue 22).  Its
# numbers are the table's: each cell's text, in order, is the csv's rate
# as a percentage at one decimal (checked with awk, not by eye).  Colours
# are viridis' stops: 0% #440154, 25% #3B528B, 50% #21918C, 100% #FDE725;
# a period not ended has no cell at all (North's 2024-02 has no p3).
f=data/retention/orders.csv
funnel-retention -f svg --by region $f >t.svg
echo "exit $?"
xmllint --noout t.svg && echo "well-formed XML"
funnel-retention -f csv --by region $f |
	awk -F, 'NR > 1 { for (i = 4; i <= NF; i++) if ($i != "")
		printf "%.1f%%\n", $i * 100 }' >csv.txt
# The percentages in the svg, in order, but the legend's five at the end.
grep -o 'text-anchor="middle" fill="[#A-F0-9]*">[0-9.]*%</text>' t.svg |
	sed 's/.*">//; s/<.*//' | sed '$d' | sed '$d' | sed '$d' | sed '$d' | sed '$d' >svg.txt
cmp csv.txt svg.txt && echo "cells = csv ($(wc -l <csv.txt) cells)"
# Cells by colour, the legend's five and the white page included: 100%
# ten cells (every p0, North 2024-02 p2, South 2024-01 p2, 2024-02 p1),
# 0% seven, 50% five, 25% one, 33.3% one (#32678B, a third of the way
# from 25% to 50%).  24 cells and the legend's 5 have an x.
grep -o 'fill="#[0-9A-F]*"/>' t.svg | sort | uniq -c
grep -c '<rect x=' t.svg
# Three groups, each with its row of column names: everything drawn lies
# inside the canvas (before, the height counted one such row, and the
# legend and caption fell off the bottom from three groups on).
awk -F, 'NR == 1 { print; next } { print; $4 = "West"; $1 = $1 "w"; print }' OFS=, $f >three.csv
funnel-retention -f svg --by region three.csv >3.svg
h=$(grep -o 'height="[0-9]*"' 3.svg | head -1 | tr -dc 0-9)
grep -o ' y="[0-9.]*"' 3.svg | tr -dc '0-9.\n' | sort -n | tail -1 |
	awk -v h=$h '{ print ($1 < h ? "inside" : "outside"), "the canvas of", h, "px" }'
grep -o 'font-weight="bold">[^<]*' 3.svg | sed 's/.*>//'
