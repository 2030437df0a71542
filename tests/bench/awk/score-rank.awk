# mawk peer, rule scores, second step: the sorted lines of score.awk get
# their competition rank within the region (1, 2, 2, 4) after the tier.
# Scores are compared as printed, to 2 decimals: the generated scores are
# multiples of 5.
{
	if ($1 != region) { region = $1; k = 0; prev = "" }
	k++
	if ($3 != prev) { rank = k; prev = $3 }
	print $1 "," $2 "," $3 "," $4 "," rank "," $5 "," $6
}
