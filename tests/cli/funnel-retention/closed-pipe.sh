# A reader that goes away (| head) ends the run quietly, by SIGPIPE (141
# in sh), not 74.  One customer on each of ~9000 days (the 1st to the
# 28th of every month, 2000-2026: 9858 days apart, under the 10000-period
# bound) make a daily --crr of ~9900 rows (~500 KB), more than a pipe
# holds.
awk 'BEGIN { print "customer_id,order_date"
	for (y = 2000; y <= 2026; y++) for (m = 1; m <= 12; m++)
		for (d = 1; d <= 28; d++) printf "c%d-%d-%d,%d-%02d-%02d\n", y, m, d, y, m, d }' >big.csv
{ funnel-retention --crr -P day big.csv; echo "status $?" >status.txt; } | head -c 6
echo
cat status.txt
