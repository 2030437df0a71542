# A cohort table of 24 periods folded to --width 80, 40 and 10: blocks one
# under another, a blank line apart, each starting with cohort and size.
# Data (data/retention/24-periods.csv): cohort 2024-01 has 24 customers,
# the j-th active in its first j months, so pK = 24 - K; cohort 2025-01
# has 2 (p0 2, p1 1, then 0 to 2025-12, empty after); the all row adds
# the cohorts old enough (p0 26, p1 24, then 24 - K).  Widths: cohort 7,
# size 4, p0-p9 2, p10-p23 3: keys 7 + 2 + 4 = 13, each period 2 more.
# 80: 13 + 10 * 4 = 53, + 5 * 5 = 78 (p0-p14); then 13 + 9 * 5 = 58.
# 40: p0-p5 (13 + 6 * 4 = 37), p6-p11 (13 + 4 * 4 + 2 * 5 = 39), p12-p16
# (13 + 5 * 5 = 38), p17-p21, p22-p23.  10 is narrower than the keys:
# each period has a block of its own (shown by its header), none is lost,
# and a line is as wide as the keys and one period (13 + 2 + 3 = 18).
# Checked apart from the bytes: no line wider than the width (or 18),
# every block headed by the keys, and every cell of the csv (cohort,
# column, value) in the table exactly once.
set -u
in=data/retention/24-periods.csv
funnel-retention --counts --asof 2025-12-31 -f csv "$in" |
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) name[i] = $i; next }
		{ for (i = 3; i <= NF; i++) if ($i != "") print $1, name[i], $i }' |
	sort >cells.csv
for w in 80 40 10; do
	echo "--width $w:"
	funnel-retention --counts --asof 2025-12-31 -f table --width $w "$in" >table.txt
	if [ $w -gt 10 ]; then cat table.txt; else grep '^cohort' table.txt; fi
	max=$w
	[ $w -ge 18 ] || max=18
	# wc -m counts characters (the locale is C.UTF-8), not bytes.
	while IFS= read -r line; do
		[ "$(printf '%s' "$line" | wc -m)" -le $max ] || echo "too long: $line"
	done <table.txt
	awk '!/^$/ && (NR == 1 || prev == "") && !/^cohort +size +p/ { print "block without keys: " $0 }
		{ prev = $0 }' table.txt
	awk '/^$/ { head = 0; next }
		!head { for (i = 1; i <= NF; i++) name[i] = $i; head = 1; next }
		{ for (i = 3; i <= NF; i++) print $1, name[i], $i }' table.txt |
		sort >cells.table
	uniq -d cells.table | sed 's/^/twice: /'
	cmp -s cells.csv cells.table && echo "$(wc -l <cells.csv) cells, each once" ||
		diff cells.csv cells.table
	echo "$(grep -c '^cohort' table.txt) blocks"
done
