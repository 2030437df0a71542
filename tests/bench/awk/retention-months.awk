# mawk peer, monthly cohorts, step 1 of:
#   mawk -F, -v maxfile=F -f retention-months.awk orders.csv | LC_ALL=C sort -u |
#   mawk -F, -v maxfile=F -f retention-cohorts.awk
# Prints customer,YYYY-MM per order, and the latest order date into maxfile.
NR == 1 {
	for (i = 1; i <= NF; i++) col[$i] = i
	K = col["customer_id"]; D = col["order_date"]
	next
}
{
	d = $D
	if (d > max) max = d
	print $K "," substr(d, 1, 7)
}
END { print max > maxfile }
