# mawk peer, stage conversion: mawk -F, -f stages.awk stages.csv
# One hash, opportunity -> region number * 8 + furthest stage so far (0 for
# none yet: a deal with only Closed Lost rows counts in the first stage).
# The generated data has no quoted fields, and an opportunity's region
# never changes.
NR == 1 {
	for (i = 1; i <= NF; i++) col[$i] = i
	K = col["opportunity_id"]; S = col["stage"]; R = col["region"]
	split("Prospecting,Qualification,Proposal,Negotiation,Closed Won", name, ",")
	for (i = 1; i <= 5; i++) idx[name[i]] = i
	next
}
{
	k = $K; s = idx[$S] + 0
	if (k in f) {
		v = f[k]
		if (s > v % 8) f[k] = v - v % 8 + s
	} else {
		r = $R
		if (!(r in rnum)) { rnum[r] = ++nr; rname[nr] = r }
		f[k] = rnum[r] * 8 + s
	}
}
END {
	for (k in f) {
		v = f[k]; s = v % 8
		n[int(v / 8), s ? s : 1]++
	}
	for (r = 1; r <= nr; r++) {
		c = 0
		for (s = 5; s >= 1; s--) { c += n[r, s]; reached[s] = c }
		for (s = 1; s <= 5; s++) print rname[r] "," name[s] "," reached[s]
	}
}
