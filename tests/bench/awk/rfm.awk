# mawk peer, RFM scores, the rule of the R package rfm 0.3.0:
#   mawk -F, -v asof=DATE -f rfm.awk orders.csv | LC_ALL=C sort -t, -k1,1
# Prints customer,recency_days,frequency,monetary,r,f,m,rfm per customer
# (sorted by customer by the sort).  As duckdb/bench.mjs: per customer the
# days from its last order to asof, its orders, their sum (whole cents
# summed exactly, then / 100); in each of the three the cuts c_j = the
# type-7 quantile at p = j * (1 / 5), j = 1..4, plus 1, computed as R's
# quantile() does (see sqlite/rfm.sql); a customer's bin is 1 + the cuts
# it reaches; f and m score it, r is 6 less it.  The order statistics the
# quantiles need come from counts of each value (days, orders, cents are
# whole numbers), not from a sort.

# Days since 1970-01-01 of YYYY-MM-DD (H. Hinnant's days_from_civil).
function days(s,   y, m, d, era, yoe, doy) {
	if (s in memo) return memo[s]
	y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0; d = substr(s, 9, 2) + 0
	if (m <= 2) y--
	era = int(y / 400); yoe = y - era * 400
	doy = int((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
	return memo[s] = era * 146097 + yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy - 719468
}

# The cuts of the values counted in cnt (whole numbers lo..hi), each
# divided by scale, into cut[1..4].
function cuts(cnt, lo, hi, scale,   j, p, idx, k, h, np, pos, at, v, seen, i, a, b) {
	np = 0
	for (j = 1; j <= 4; j++) {
		p = j * (1 / 5)
		idx[j] = 1 + (n - 1) * p
		k[j] = int(idx[j])
		pos[++np] = k[j]; pos[++np] = k[j] + 1
	}
	i = 1
	for (v = lo; v <= hi && i <= np; v++) {
		if (!(v in cnt)) continue
		seen += cnt[v]
		while (i <= np && pos[i] <= seen) at[pos[i++]] = v
	}
	for (j = 1; j <= 4; j++) {
		h = idx[j] - k[j]
		a = at[k[j]] / scale
		b = (k[j] + 1 <= n) ? at[k[j] + 1] / scale : a
		cut[j] = (h > 0 && b != a ? (1 - h) * a + h * b : a) + 1
	}
}

function bin(x, c) { return 1 + (x >= c[1]) + (x >= c[2]) + (x >= c[3]) + (x >= c[4]) }

NR == 1 {
	for (i = 1; i <= NF; i++) col[$i] = i
	K = col["customer_id"]; D = col["order_date"]; A = col["amount"]
	next
}
{
	k = $K
	freq[k]++
	cents[k] += int($A * 100 + 0.5)
	if ($D > last[k]) last[k] = $D
}
END {
	today = days(asof)
	for (k in freq) {
		n++
		r = rec[k] = today - days(last[k]); f = freq[k]; m = cents[k]
		cr[r]++; cf[f]++; cm[m]++
		if (n == 1 || r < rlo) rlo = r
		if (n == 1 || r > rhi) rhi = r
		if (n == 1 || f > fhi) fhi = f
		if (n == 1 || m < mlo) mlo = m
		if (n == 1 || m > mhi) mhi = m
	}
	cuts(cr, rlo, rhi, 1); for (j = 1; j <= 4; j++) qr[j] = cut[j]
	cuts(cf, 1, fhi, 1); for (j = 1; j <= 4; j++) qf[j] = cut[j]
	cuts(cm, mlo, mhi, 100); for (j = 1; j <= 4; j++) qm[j] = cut[j]
	for (k in freq) {
		r = 6 - bin(rec[k], qr); f = bin(freq[k], qf); m = bin(cents[k] / 100, qm)
		printf "%s,%d,%d,%.2f,%d,%d,%d,%d\n", k, rec[k], freq[k], cents[k] / 100, r, f, m, 100 * r + 10 * f + m
	}
}
