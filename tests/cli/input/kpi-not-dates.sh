# Spreadsheet serial numbers (45292) and Unix epoch seconds (1704067200)
# are not dates (funnel-input(7)); hour 24 is an impossible time: 65 each.
run() {
	printf 'id,stage,created_at\n1,Lead,%s\n' "$1" | funnel-kpi -k id -s stage -c created_at
	echo "exit $?"
}
run 45292
run 1704067200
run 2024-01-01T24:00
