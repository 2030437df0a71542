# --by region,owner: one funnel per combination, sorted by region then
# owner. North/Ann {1 Lead, 3 Qualified}: 2, 1. North/Bob {2 Qualified}:
# 1, 1. South/Ann {4 Lead, 5 Qualified}: 2, 1. Chi-square over the three
# groups (df 2): 1/2, 1/1, 1/2, pooled 3/5; X2 = 0.83333, p = exp(-X2/2)
# = 0.65924; expected counts < 5: small_expected 1.
printf '%s\n' 'deal_id,stage,region,owner' '1,Lead,North,Ann' '2,Qualified,North,Bob' '3,Qualified,North,Ann' \
	'4,Lead,South,Ann' '5,Qualified,South,Ann' |
funnel-stages --by region,owner --stages Lead,Qualified
