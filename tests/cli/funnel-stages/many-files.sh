# Each input file is closed once it has been read: 1,100 files run under
# a limit of 64 open files (they were all kept open, so the 62nd or so
# could not be opened: 66). File dNNNN.csv holds deal NNNN at Lead,
# Qualified or Won by NNNN mod 3 (1, 2, 0); deal 7 also has a second row
# at Won in d1100.csv. reached = deals at or beyond each stage, counted
# independently by awk over all the files' rows (a deal's furthest
# stage), and compared.
awk 'BEGIN {
	split("Won Lead Qualified", s, " ")
	for (i = 1; i <= 1100; i++) {
		f = sprintf("d%04d.csv", i)
		print "deal_id,stage" >f
		print i "," s[i % 3 + 1] >f
		if (i == 1100)
			print "7,Won" >f
		close(f)
	}
}'
(ulimit -n 64 && funnel-stages --stages Lead,Qualified,Won d*.csv) >got.csv
echo "exit $?"
cut -d, -f1-2 got.csv
awk -F, 'FNR > 1 {
	k = $2 == "Lead" ? 1 : $2 == "Qualified" ? 2 : 3
	if (k > best[$1]) best[$1] = k
} END {
	for (d in best) for (k = 1; k <= best[d]; k++) n[k]++
	print "stage,reached"
	print "Lead," n[1]; print "Qualified," n[2]; print "Won," n[3]
}' d*.csv >want.csv
cut -d, -f1-2 got.csv | cmp - want.csv && echo "same as awk's count"
