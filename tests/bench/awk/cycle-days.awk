# mawk peer, won-deal cycle, step 1 of: mawk -F, -f cycle-days.awk deals.csv |
#   LC_ALL=C sort -t, -k1,1 -k2,2n | mawk -F, -f cycle-stats.awk
# Prints region,days for each won deal (dates YYYY-MM-DD; days between them
# from the day number of each date, cached per distinct date).
function daynum(d,   y, m, dd, era, yoe, doy) {
	if (d in dn) return dn[d]
	y = substr(d, 1, 4) + 0; m = substr(d, 6, 2) + 0; dd = substr(d, 9, 2) + 0
	if (m <= 2) y--
	era = int(y / 400); yoe = y - era * 400
	doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + dd - 1
	return dn[d] = era * 146097 + yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
}
NR == 1 {
	for (i = 1; i <= NF; i++) col[$i] = i
	R = col["region"]; ST = col["status"]; C = col["created_at"]; D = col["closed_at"]
	next
}
$ST == "won" { print $R "," (daynum($D) - daynum($C)) }
