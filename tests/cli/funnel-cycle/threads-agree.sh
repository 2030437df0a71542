# --per-stage applies its rows on a second thread (keyq.c).  Forced on
# (FUNNEL_THREADS=2) and off (=1), over 35000 rows written stage by stage
# (a deal's rows far apart), every 97th key too long to wait in the
# queue: the same bytes out.  Every deal enters A at noon on a day of its
# own, B two days later and C five days after A; every other deal is won
# a day after entering C, the rest are still in C.  So, by hand: A, 10000
# stays of 2 days; B, 10000 of 3; C, 5000 of 1 and 5000 open.
awk -v n=10000 'BEGIN {
	print "deal,stage,entered_at"
	split("A B C Won", st, " "); split("0 2 5 6", at, " ")
	for (k = 1; k <= 4; k++)
		for (i = 0; i < n; i++) {
			if (k == 4 && i % 2) continue
			key = (i % 97 == 0) ? sprintf("long-%060d", i) : sprintf("d%d", i)
			printf "%s,%s,%s\n", key, st[k], strftime("%Y-%m-%dT12:00:00Z", 1700000000 + (i % 300 + at[k]) * 86400, 1)
		}
}' >history.csv
for t in 1 2; do
	FUNNEL_THREADS=$t funnel-cycle -f csv --per-stage history.csv >threads-$t.csv 2>threads-$t.err
done
cmp threads-1.csv threads-2.csv && cmp threads-1.err threads-2.err && echo "one thread = two threads"
cat threads-2.csv
