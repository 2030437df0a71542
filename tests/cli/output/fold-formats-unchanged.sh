# Only the table folds: csv, tsv, json and md at --width 10 are the same
# bytes as without --width (funnel-retention's 24 periods, 123 columns as
# a table, fold-24-periods.sh).
for f in csv tsv json md; do
	funnel-retention --counts --asof 2025-12-31 -f $f data/retention/24-periods.csv >plain
	funnel-retention --counts --asof 2025-12-31 -f $f --width 10 data/retention/24-periods.csv >narrow
	cmp plain narrow && echo "$f: the same, $(wc -l <plain) lines"
done
