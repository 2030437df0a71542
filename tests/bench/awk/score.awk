# mawk peer, rule scores: mawk -F, -f score.awk opportunities.csv, then
# sorted by region, score (highest first) and id, then score-rank.awk.
# Prints region,id,score,tier,rated,weakest for each open deal: a rating r
# on 1-5 counts as (r - 1) / 4, the score is 100 times their mean, tiers
# from the cuts 75, 50, 25 (a cut less 1e-9 of it reached), the weakest the
# first of the lowest rated.  The generated data has no quoted fields and
# no blank rating.
NR == 1 {
	for (i = 1; i <= NF; i++) col[$i] = i
	K = col["opportunity_id"]; R = col["region"]; S = col["status"]
	nd = split("need,budget,authority,timeline,competition", dim, ",")
	for (i = 1; i <= nd; i++) D[i] = col[dim[i]]
	nc = split("75,50,25", cut, ",")
	next
}
$S == "open" {
	sum = 0
	for (i = 1; i <= nd; i++) {
		r = $(D[i]) + 0
		sum += (r - 1) / 4
		if (i == 1 || r < low) { low = r; weak = dim[i] }
	}
	score = 100 * sum / nd
	for (c = 1; c <= nc && score < cut[c] - 1e-9 * cut[c]; c++)
		;
	printf "%s,%s,%.2f,%c,%d,%s\n", $R, $K, score, 64 + c, nd, weak
}
