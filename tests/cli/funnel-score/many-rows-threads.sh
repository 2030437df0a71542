# 150,000 deals: past 131,072 rows the table is filled and written by two
# threads (halves of the rows, blocks of 32,768 lines), forced here with
# FUNNEL_THREADS=2 even on one CPU.  The expected lines come from awk and
# sort(1): with one dimension rated 1-5 the score is 100 (need - 1) / 4,
# tier A from 75, B from 50, C from 25, else D; in each region, by score
# highest first, then by id bytewise; competition rank (ties share the
# first one's place).  Regions of uneven size put the halves' split
# inside a region, in the middle of a tie.
awk 'BEGIN {
	print "id,region,need"
	for (i = 0; i < 150000; i++)
		printf "d%06d,%s,%d\n", (i * 7919) % 150000,
		       (i % 7 < 4 ? "EMEA" : i % 7 < 6 ? "APAC" : "AMER"),
		       1 + (i * i + 3 * i) % 5
}' >deals.csv
awk -F, 'NR > 1 {
	s = 100 * ($3 - 1) / 4
	printf "%s,%s,%.2f,%s\n", $2, $1, s,
	       (s >= 75 ? "A" : s >= 50 ? "B" : s >= 25 ? "C" : "D")
}' deals.csv | LC_ALL=C sort -t, -k1,1 -k3,3nr -k2,2 |
awk -F, 'BEGIN { print "region,id,score,tier,rank,rated,weakest" }
{
	if ($1 != g) { g = $1; k = 0; prev = "" }
	k++
	if ($3 != prev) { rank = k; prev = $3 }
	print $0 "," rank ",1,need"
}' >expected.csv
FUNNEL_THREADS=2 funnel-score -k id --dims need -b region deals.csv >two.csv
echo "two threads: exit $?"
cmp expected.csv two.csv && echo "two threads: as awk and sort say"
FUNNEL_THREADS=1 funnel-score -k id --dims need -b region --format tsv deals.csv |
	tr '\t' , | cmp - expected.csv && echo "one thread (tsv): the same"
wc -l <two.csv
