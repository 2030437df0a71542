# With two CPUs, rows are applied on a second thread (keyq.c).  Forced on
# (FUNNEL_THREADS=2) and off (=1), over 31430 rows (many batches between
# the threads, so the reading side waits for the applying side too): the
# same bytes out, and the counts those of awk.  Deal i goes through stages
# A..E up to i % 5, a day apart; every 97th key is too long to wait in the
# queue; every 7th deal also enters A in a second region at the same time,
# so first touch picks the name that sorts first (a tie broken by name on
# the applying thread while the reading thread adds groups); every 11th
# also enters Z, outside the funnel: 910 rows (i = 0, 11, ..., 9999),
# counted on the reading thread for the warning.
awk -v n=10000 'BEGIN {
	split("A B C D E", st, " "); split("North South West", rg, " ")
	print "deal,stage,entered_at,region"
	for (k = 0; k < 5; k++)
		for (i = 0; i < n; i++) {
			if (i % 5 < k) continue
			key = (i % 97 == 0) ? sprintf("long-%060d", i) : sprintf("d%d", i)
			t = sprintf("2024-01-%02d %02d:00:00", 1 + k, i % 24)
			printf "%s,%s,%s,%s\n", key, st[k + 1], t, rg[i % 3 + 1]
			if (k == 0 && i % 7 == 0)
				printf "%s,A,%s,%s\n", key, t, rg[(i + 1) % 3 + 1]
			if (k == 0 && i % 11 == 0)
				printf "%s,Z,%s,%s\n", key, t, rg[i % 3 + 1]
		}
}' >history.csv
for t in 1 2; do
	FUNNEL_THREADS=$t funnel-stages -f csv --stages A,B,C,D,E --by region history.csv >threads-$t.csv
done
cmp threads-1.csv threads-2.csv && echo "one thread = two threads"
awk -v n=10000 'BEGIN {
	split("North South West", rg, " ")
	for (i = 0; i < n; i++) {
		r = rg[i % 3 + 1]
		if (i % 7 == 0 && rg[(i + 1) % 3 + 1] < r) r = rg[(i + 1) % 3 + 1]
		for (k = 0; k <= i % 5; k++) c[r "," substr("ABCDE", k + 1, 1)]++
	}
	for (x in c) print x "," c[x]
}' | sort >expected.txt
tail -n +2 threads-2.csv | cut -d, -f1-3 | cmp - expected.txt && echo "reached = awk"
# Each step takes exactly one day.
tail -n +2 threads-2.csv | cut -d, -f2,8 | sort -u
