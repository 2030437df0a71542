# Group names holding a quote, a backslash, a pipe, a TAB and a line break,
# in every text format: CSV quotes (RFC 4180), TSV escapes \t \n \\, JSON
# escapes \" \\ \t \n, Markdown escapes | and turns the line break into a
# space. A one-stage funnel: every deal reaches it (hand-written bytes).
# One stage only: no step, so p_value is empty.
printf '%s\n' 'deal_id,stage,g' '1,Lead,"a""b\c"' '2,Lead,pipe|bar' '3,Lead,"tab	here"' '4,Lead,"two' 'lines"' >in.csv
for f in csv tsv json md; do
	echo "== $f"
	funnel-stages -f $f --by g --stages Lead in.csv
done
