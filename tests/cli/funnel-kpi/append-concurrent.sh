# Runs started at once on one history all land, one after the other under
# the lock: two runs (a new file: one header), then eight. Rows are sorted
# here because the lock decides their order.
funnel-kpi --asof 2025-03-14 --append hist.csv data/kpi/deals.csv >/dev/null &
funnel-kpi --asof 2025-03-15 --append hist.csv data/kpi/deals.csv >/dev/null &
wait
head -n 1 hist.csv
tail -n +2 hist.csv | sort
grep -c '^date,' hist.csv
for d in 01 02 03 04 05 06 07 08; do
	funnel-kpi --asof 2025-04-$d --append eight.csv data/kpi/deals.csv >/dev/null &
done
wait
grep -c '^date,' eight.csv
tail -n +2 eight.csv | cut -d, -f1 | sort | tr '\n' ' '
echo
