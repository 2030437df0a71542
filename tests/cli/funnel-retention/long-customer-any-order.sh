# Three customers with 120 orders each (two a day for 60 days, amounts k
# and 1 on day k of their own), shuffled: in the pair array each customer
# has 120 (customer, day) pairs out of order, more than are sorted by
# insertion, so the merge sort sorts them (retention-read.c, sort_run).
# Every day of a customer must then hold k + 1 of revenue, k + 1 times the
# first day's: --revenue's cell for offset k is k + 1, whatever the row
# order.
awk 'BEGIN { srand(5); print "customer_id,order_date,amount"
	split("31 29 31", len, " ")
	for (c = 1; c <= 3; c++) for (k = 0; k < 60; k++) for (r = 0; r < 2; r++) {
		d = c + k; m = 1
		while (d > len[m]) { d -= len[m]; m++ }
		printf "%.6f\tc%d,2024-%02d-%02d,%d\n", rand(), c, m, d, r ? 1 : k
	} }' | sort -n | cut -f2 >shuffled.csv
{ head -1 shuffled.csv; tail -n +2 shuffled.csv | sort -t, -k2,2 -s; } >sorted.csv
funnel-retention --period day --revenue -a amount -f csv shuffled.csv >a.csv
funnel-retention --period day --revenue -a amount -f csv sorted.csv >b.csv
cmp a.csv b.csv && echo "same revenue in any order"
# Cohort, size, how many offsets are shown and how many hold k + 1.
awk -F, 'NR > 1 { ok = 0; n = 0
	for (i = 3; i <= NF; i++) if ($i != "") { n++; ok += ($i == sprintf("%.4f", i - 2)) }
	print $1, $2, n, ok }' a.csv
