# An empty group label (a deal with no region) is "(blank)" in the formats
# people read (table, md), where an empty cell reads as the group above or
# as no group; csv, tsv and json, read by programs, keep the empty value.
# The row of all deals, whose group cells are undefined, is no blank group.
# Counts: the blank region has 1 deal (a lost Lead), North 4, South 3.
for f in csv json md table; do
	echo "== $f"
	funnel-stages -f $f --by region --stages Lead,Qualified <data/stages/snapshot.csv |
		cut -c1-40 | head -3
done
