# 150,000 customers' labels: past 131,072 rows the table is filled and
# written by two threads (halves of the rows), forced here with
# FUNNEL_THREADS=2 even on one CPU.  Customers order in one or two regions
# (the (customer, region) pairs of --by), whole amounts so that every sum
# and share is exact in awk too.
awk 'BEGIN {
	print "customer_id,order_date,amount,region"
	for (i = 0; i < 150000; i++) {
		c = sprintf("c%06d", (i * 7919) % 150000)
		r = (i % 5 < 3 ? "EMEA" : "APAC")
		printf "%s,2024-0%d-1%d,%d,%s\n", c, 1 + i % 6, i % 10,
		       1 + (i * i) % 997, r
		if (i % 4 == 0)
			printf "%s,2024-07-0%d,%d,%s\n", c, 1 + i % 9,
			       1 + i % 89, (r == "EMEA" ? "APAC" : "EMEA")
	}
}' >orders.csv
# ABC by region as awk and sort(1) work it out: a pair's value the sum of
# its orders; by value highest first, then customer; the share of the
# region's total, the cumulative share, A while it stays within 80 %, B
# within 95 %, else C.
awk -F, 'NR > 1 { v[$1 "," $4] += $3; t[$4] += $3 }
END { for (k in v) { split(k, p, ","); print p[1] "," p[2] "," v[k] "," t[p[2]] } }' orders.csv |
LC_ALL=C sort -t, -k2,2 -k3,3nr -k1,1 |
awk -F, 'BEGIN { print "customer_id,region,value,share,cum_share,class" }
{
	if ($2 != g) { g = $2; cum = 0 }
	cum += $3
	c = cum / $4
	printf "%s,%s,%.2f,%.4f,%.4f,%s\n", $1, $2, $3, $3 / $4, c,
	       (c <= 0.8 ? "A" : c <= 0.95 ? "B" : "C")
}' >expected.csv
FUNNEL_THREADS=2 funnel-segment --method abc --by region orders.csv >abc.csv
echo "abc: exit $?"
cmp expected.csv abc.csv && echo "abc: as awk and sort say"
wc -l <abc.csv
# RFM and the matrix: two threads write what one does.
for m in "rfm --asof 2024-08-01" "matrix"; do
	FUNNEL_THREADS=1 funnel-segment --method $m --by region orders.csv >one.csv
	FUNNEL_THREADS=2 funnel-segment --method $m --by region orders.csv >two.csv
	cmp one.csv two.csv && echo "${m%% *}: one thread and two the same, $(wc -l <two.csv) lines"
done
