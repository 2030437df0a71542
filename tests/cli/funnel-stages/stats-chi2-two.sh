# --by: Pearson chi-square per step, groups x (converted, not converted),
# no continuity correction. North 360 of 500 reach Qualified, South 375 of
# 500. Pooled 735/1000: expected 367.5 / 132.5 per group;
# X2 = 2 (7.5^2/367.5 + 7.5^2/132.5) = 1.15518, df 1,
# p = erfc(sqrt(X2/2)) = 0.28247 (python3). Expected counts all >= 5:
# small_expected 0. The first stage has no test: empty.
# Bottleneck: the only step, 500 deals entering it in each group: marked.
awk 'BEGIN { print "deal_id,stage,region"
	for (i = 1; i <= 500; i++) print "n" i "," (i <= 360 ? "Qualified" : "Lead") ",North"
	for (i = 1; i <= 500; i++) print "s" i "," (i <= 375 ? "Qualified" : "Lead") ",South" }' |
funnel-stages --by region --stages Lead,Qualified
