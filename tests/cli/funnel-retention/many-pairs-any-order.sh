# More (customer, month) pairs than the first pair array holds (4096), in
# date order and shuffled, with repeats in the same month: the array is
# merged and grown along the way, and both orders must give the same
# bytes.  awk works out each cohort's size and the customers active one
# month later on its own (cohort,size,p1 of --counts).  Days run 1 to 28,
# so December has not ended by the latest date: November's p1 is empty.
awk 'BEGIN { srand(7); print "customer_id,order_date,amount"
	for (i = 0; i < 30000; i++) {
		c = int(rand() * 6000); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28)
		printf "c%d,2024-%02d-%02d,%d\n", c, m, d, 1 + int(rand() * 100)
	} }' >raw.csv
{ head -1 raw.csv; tail -n +2 raw.csv | sort -t, -k2,2 -s; } >sorted.csv
{ head -1 raw.csv; tail -n +2 raw.csv | awk 'BEGIN { srand(11) } { print rand() "\t" $0 }' | sort -n | cut -f2; } >shuffled.csv
funnel-retention --counts sorted.csv >a.csv
funnel-retention --counts shuffled.csv >b.csv
cmp a.csv b.csv && echo "same counts"
funnel-retention --revenue -a amount sorted.csv >ra.csv
funnel-retention --revenue -a amount shuffled.csv >rb.csv
cmp ra.csv rb.csv && echo "same revenue"
awk -F, 'NR > 1 { m = substr($2, 6, 2) + 0; act[$1, m] = 1
	if (!($1 in first) || m < first[$1]) first[$1] = m }
	END { for (c in first) { size[first[c]]++; if (act[c, first[c] + 1]) back[first[c]]++ }
	for (m = 1; m <= 12; m++) if (size[m])
		printf "2024-%02d,%d,%s\n", m, size[m], m < 11 ? back[m] + 0 : "" }' raw.csv >awk.txt
awk -F, 'NR > 1 && $1 != "all" { print $1 "," $2 "," $4 }' a.csv >ours.txt
cmp awk.txt ours.txt && echo "cohorts agree with awk"
wc -l <ours.txt
