# mawk peer, ABC classes, step 1 of:
#   mawk -F, -v totfile=F -f abc-sum.awk orders.csv |
#   LC_ALL=C sort -t, -k2,2nr -k1,1 | mawk -F, -v totfile=F -f abc-class.awk
# Prints customer,cents per customer: its amounts summed as whole cents,
# exactly (as every peer does; see duckdb/bench.mjs), and the total cents
# into totfile.
NR == 1 {
	for (i = 1; i <= NF; i++) col[$i] = i
	K = col["customer_id"]; A = col["amount"]
	next
}
{ c[$K] += int($A * 100 + 0.5) }
END {
	for (k in c) {
		printf "%s,%.0f\n", k, c[k]
		t += c[k]
	}
	printf "%.0f\n", t > totfile
}
