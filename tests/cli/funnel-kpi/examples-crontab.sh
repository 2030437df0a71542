# examples/kpi/crontab: its one job line, without the five schedule fields,
# run by sh as cron runs it, with "--asof today" (there must be exactly one)
# replaced by a fake date, in a HOME holding the night's export
# (examples/sales_pipeline.csv):
#   2018-01-01, 2018-01-02 and a rerun of 2018-01-02: exit 0, nothing
#   printed (the row goes to /dev/null), one row per night in the history.
#   2018-01-03: the export holds only Lajuana Vencill's 311 deals: both
#   thresholds fail, two lines for cron to mail, exit 1, the row kept.
# Expected numbers, from python3 (csv, statistics) over the export:
#   all: deals 8800; open 2089 (Engaging 1589 + Prospecting 500); won 4238;
#   lost 2473; win_rate 4238/6711 = 0.6315; conversion 4238/8800 = 0.4816;
#   won cycles engage_date -> close_date: mean 51.78, median 57.00; no
#   open deal has a close_value: pipeline and weighted undefined;
#   avg_won_amount 2360.91; velocity 2089 x 2360.91 x 0.6315 / 51.78 =
#   60146.85 (as funnel-cycle --summary's example in funnel-cycle(1)).
#   Lajuana Vencill: 311, 80, 127, 104, 127/231 = 0.5498, 127/311 = 0.4084,
#   62.87, 72.00, -, -, 1532.54, 1072.20.
mkdir -p home/sales
cp examples/sales_pipeline.csv home/sales/
line=$(grep -E '^[0-9*]' examples/kpi/crontab)
echo "job lines: $(printf '%s\n' "$line" | wc -l)"
cmd=$(printf '%s\n' "$line" | sed -E 's/^([^ ]+ +){5}//')
echo "--asof today: $(printf '%s\n' "$cmd" | grep -o -e '--asof today' | wc -l)"
night() {
	printf '%s\n' "$cmd" | sed "s/--asof today/--asof $1/" | HOME=$PWD/home sh 2>&1
	echo "night $1: exit $?"
}
night 2018-01-01
night 2018-01-02
night 2018-01-02
awk -F, 'NR == 1 || $2 == "Lajuana Vencill"' examples/sales_pipeline.csv >home/sales/sales_pipeline.csv
night 2018-01-03
cat home/sales/kpi-history.csv
