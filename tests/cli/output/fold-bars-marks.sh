# funnel-stages' table of format-table-by.sh folded: each block repeats
# region and stage (the group's name on its first row), the bars and
# marks follow the last block, or have a block of their own with region
# and stage when they do not fit there.  Widths: region 7, stage 9: keys
# 18; reached 7, step_conversion 15, overall_conversion 18, dropped 7,
# lost 4, p_value 7, each with two blanks: the columns take 88.  After
# them the widest row adds 26 (two blanks, 24 blocks) and 60 ("  ◀ " and
# the 56 of "p_value doubtful: ..."): 86.
# 120: all columns (88) in one block, the bars and marks (88 + 86 = 174)
# in a second (18 + 86 = 104).  60: reached and step_conversion (44);
# overall_conversion, dropped and lost (53); p_value (27), then the bars
# and marks (104: wider than 60, as a column too wide would be).
for w in 120 60; do
	echo "--width $w:"
	funnel-stages -f table --width $w --by region --stages Lead,Qualified,Proposal,Won \
		<data/stages/snapshot.csv >table.txt
	cat table.txt
	echo "widest line: $(wc -L <table.txt)"
	echo "blocks: $(grep -c '^region   stage' table.txt)"
	# Each column in the headers once.
	grep '^region   stage' table.txt | tr -s ' ' '\n' | sort | uniq -c |
		awk '{ printf " %s %d", $2, $1 } END { print "" }'
done
