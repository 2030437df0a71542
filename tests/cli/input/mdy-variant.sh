# tests/data/sales_pipeline.mdy-variant.csv writes the Maven dates as
# M/D/YYYY: the funnel (overall and --by sales_agent) must be the bytes the
# ISO file gives (whose numbers maven-furthest and maven-by-agent check with
# sqlite3). --verbose names the value that decided M/D/Y: the first
# engage_date whose middle part is over 12, found here with awk.
opts='--key opportunity_id --stage deal_stage --stages Prospecting,Engaging,Won --lost Lost --stage-date Engaging=engage_date'
funnel-stages $opts examples/sales_pipeline.csv >iso.csv
funnel-stages $opts -v data/sales_pipeline.mdy-variant.csv >mdy.csv 2>verbose.txt
cmp iso.csv mdy.csv && echo 'overall: identical'
funnel-stages $opts --by sales_agent examples/sales_pipeline.csv >iso.csv
funnel-stages $opts --by sales_agent data/sales_pipeline.mdy-variant.csv >mdy.csv
cmp iso.csv mdy.csv && echo 'by sales_agent: identical'
want=$(awk -F, 'NR > 1 && $6 != "" { split($6, d, "/"); if (d[2] > 12) { printf "%d:%s", NR, $6; exit } }' \
	data/sales_pipeline.mdy-variant.csv)
line=${want%%:*} date=${want#*:}
grep -Fx "funnel-stages: data/sales_pipeline.mdy-variant.csv:$line: column \"engage_date\": dates are M/D/Y (decided by \"$date\")" verbose.txt >/dev/null &&
	echo 'verbose: order decided by the first unambiguous date'
