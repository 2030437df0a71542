#!/usr/bin/awk -f
# split-by-key.awk - splits a CSV export into N parts by its key column, so
# that every row of one deal (or customer) lands in the same part:
#
#   awk -F, -v n=4 -v key=1 -v out=part -f split-by-key.awk export.csv
#
# writes part-0.csv .. part-3.csv, each with the header line.  A key's part
# is the sum of its bytes' codes modulo n: the same key always goes to the
# same part, whatever its row order.  For plain keys without quoted commas.
BEGIN {
	if (n < 1 || key < 1) { print "usage: -v n=PARTS -v key=COLUMN" > "/dev/stderr"; exit 64 }
	for (i = 0; i < 256; i++) code[sprintf("%c", i)] = i
	if (out == "") out = "part"
}
NR == 1 { for (p = 0; p < n; p++) print > (out "-" p ".csv"); next }
{
	h = 0
	for (i = 1; i <= length($key); i++) h = (h + code[substr($key, i, 1)]) % n
	print > (out "-" h ".csv")
}
