# Three groups, k x 2 table, df 2: A 8 of 10, B 3 of 10, C 2 of 4 reach
# Qualified. Pooled 13/24; expected converted 5.417, 5.417, 2.167.
# X2 = 5.06853 (python3), p = exp(-X2/2) = 0.07932. C's expected counts
# are under 5: small_expected 1 on every row of the step.
awk 'BEGIN { print "deal_id,stage,team"
	for (i = 1; i <= 10; i++) print "a" i "," (i <= 8 ? "Qualified" : "Lead") ",A"
	for (i = 1; i <= 10; i++) print "b" i "," (i <= 3 ? "Qualified" : "Lead") ",B"
	for (i = 1; i <= 4; i++) print "c" i "," (i <= 2 ? "Qualified" : "Lead") ",C" }' |
funnel-stages --by team --stages Lead,Qualified
