# mawk peer, won-deal cycle, step 2: input region,days sorted by region then
# days; prints region,count,mean,median,p90 (R's type 7 quantiles).
function q(p,   h, l) {
	h = (n - 1) * p; l = int(h)
	return l + 1 < n ? v[l + 1] + (h - l) * (v[l + 2] - v[l + 1]) : v[l + 1]
}
function flush() {
	if (n) printf "%s,%d,%.17g,%.17g,%.17g\n", prev, n, sum / n, q(0.5), q(0.9)
	n = 0; sum = 0
}
$1 != prev { flush(); prev = $1 }
{ v[++n] = $2 + 0; sum += $2 }
END { flush() }
