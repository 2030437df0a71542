# mawk peer, monthly cohorts, step 2: input customer,YYYY-MM sorted and
# distinct, so a customer's first line is its cohort.  Prints
# cohort,size,p0..p11, a cell empty when its month has not ended by the
# latest order date (read from maxfile once the input is read).
function mon(s) { return substr(s, 1, 4) * 12 + substr(s, 6, 2) - 1 }
{
	if ($1 != prev) {
		prev = $1; cm = mon($2)
		size[cm]++
	}
	k = mon($2) - cm
	if (k <= 11) cnt[cm, k]++
}
END {
	getline max < maxfile
	last = mon(max)
	y = substr(max, 1, 4) + 0; m = substr(max, 6, 2) + 0
	mdays = m == 2 ? (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28) \
		: (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
	if (substr(max, 9, 2) + 0 < mdays) last--
	for (c in size) {
		line = sprintf("%04d-%02d,%d", int(c / 12), c % 12 + 1, size[c])
		for (k = 0; k <= 11; k++)
			line = line "," (c + k <= last ? cnt[c, k] + 0 : "")
		print line
	}
}
