# With two CPUs, rows are applied on a second thread (keyq.c).  Forced on
# (FUNNEL_THREADS=2) and off (=1), over 36000 orders written offset by
# offset (a customer's orders far apart), every 89th key too long to wait
# in the queue: the same bytes out, and the cohorts those of awk.
# Customer c first buys in month c % 6 + 1 of 2024 and again in each of
# the next c % 4 months; every 5th buys twice a month.
awk -v n=12000 'BEGIN {
	print "customer,order_date,amount"
	for (j = 3; j >= 0; j--)
		for (c = 0; c < n; c++) {
			if (c % 4 < j) continue
			key = (c % 89 == 0) ? sprintf("customer-%050d", c) : sprintf("c%d", c)
			printf "%s,2024-%02d-%02d,10\n", key, c % 6 + 1 + j, 1 + c % 28
			if (c % 5 == 0)
				printf "%s,2024-%02d-28,5\n", key, c % 6 + 1 + j
		}
}' >orders.csv
for t in 1 2; do
	FUNNEL_THREADS=$t funnel-retention -f csv --counts orders.csv >threads-$t.csv
done
cmp threads-1.csv threads-2.csv && echo "one thread = two threads"
# Cohort, size and the customers active 0, 1 and 2 months on (the last
# month, 2024-09, is still open: offsets up to 2 are seen for all).
awk -v n=12000 'BEGIN {
	for (c = 0; c < n; c++)
		for (j = 0; j <= c % 4 && j <= 2; j++) a[c % 6 + 1, j]++
	for (m = 1; m <= 6; m++)
		printf "2024-%02d,%d,%d,%d,%d\n", m, a[m, 0], a[m, 0], a[m, 1], a[m, 2]
}' >expected.txt
sed -n 2,7p threads-2.csv | cut -d, -f1-5 | cmp - expected.txt && echo "cohorts = awk"
