# --ci with --by: the interval columns come before p_value and
# small_expected. N: 4 Lead, 3 Qualified; S: 4 Lead, 1 Qualified. --ci 0.9
# Wilson (python3): 4/4 0.59652..1, 3/4 0.35617..0.94209, 1/4
# 0.05791..0.64383. Chi-square: pooled 4/8, expected 2/2 per group, X2 =
# 4 * 1/2 = 2, p = erfc(1) = 0.15730; expected 2 < 5: small_expected 1.
printf '%s\n' 'deal_id,stage,region' 'n1,Lead,N' 'n2,Qualified,N' 'n3,Qualified,N' 'n4,Qualified,N' \
	's1,Lead,S' 's2,Lead,S' 's3,Lead,S' 's4,Qualified,S' |
funnel-stages --ci 0.9 --by region --stages Lead,Qualified
