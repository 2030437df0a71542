# A snapshot's keys are checked on a second thread (keyq.c) unless bad rows
# are skipped; a second row of a deal is then found some rows after it is
# read.  Forced on (FUNNEL_THREADS=2) and off (=1):
# 1. 30000 deals, every 89th key too long to wait in the queue: the same
#    bytes out.  Deal i is created on day i % 400 after 2023-11-14 and won
#    (i even) 10 days later or lost (i odd) 3 days later; so, by hand:
#    15000 won of 10 days, 15000 lost of 3.
# 2. The deal of line 1002 again on line 2002, and a bad date on line 2006
#    and 2900: the second row of the deal is what both report, though the
#    reading side meets the bad dates first.
# 3. A deal twice at the end of a file: found before the next file, whose
#    key column has another name, is read; the message names the first's.
# 4. The same deal in two files, with the same values: one deal (the rows
#    of a key across files are joined), so no message and exit 0.
awk -v n=30000 'BEGIN {
	print "opportunity_id,created_at,closed_at,status"
	for (i = 0; i < n; i++) {
		key = (i % 89 == 0) ? sprintf("long-%060d", i) : sprintf("d%d", i)
		c = 1700000000 + (i % 400) * 86400
		printf "%s,%s,%s,%s\n", key, strftime("%Y-%m-%d", c, 1),
			strftime("%Y-%m-%d", c + (i % 2 ? 3 : 10) * 86400, 1), i % 2 ? "lost" : "won"
	}
}' >deals.csv
awk -F, 'NR == 2006 || NR == 2900 { $2 = "2024-13-45" }
	NR == 2002 { $1 = "d1000" } { OFS = ","; print }' deals.csv >dup.csv
head -3 deals.csv >first.csv
{ head -3 deals.csv; sed -n 3p deals.csv; } >twice.csv
{ echo "Opportunity ID,Created Date,Close Date,Status"; sed -n '4,6p' deals.csv
  sed -n 3p deals.csv; sed -n 7p deals.csv; } >second.csv
for t in 1 2; do
	FUNNEL_THREADS=$t funnel-cycle -f csv --outcome closed --by status deals.csv >threads-$t.csv 2>threads-$t.err
	FUNNEL_THREADS=$t funnel-cycle dup.csv >/dev/null 2>dup-$t.err; echo "exit $?" >>dup-$t.err
	FUNNEL_THREADS=$t funnel-cycle twice.csv second.csv >/dev/null 2>files-$t.err; echo "exit $?" >>files-$t.err
	FUNNEL_THREADS=$t funnel-cycle first.csv second.csv >/dev/null 2>>files-$t.err; echo "exit $?" >>files-$t.err
done
cmp threads-1.csv threads-2.csv && cmp threads-1.err threads-2.err && echo "one thread = two threads"
cat threads-2.csv
cmp dup-1.err dup-2.err && cat dup-2.err
cmp files-1.err files-2.err && cat files-2.err
