# Deals without a value in the --by column form a group with an empty name,
# sorted first. "" = {2 Qualified, 4 Lead}: Lead 2, Qualified 1.
# North = {1 Lead, 3 Qualified}: Lead 2, Qualified 1. Chi-square 1/2 vs
# 1/2: X2 = 0, p = 1; expected 1 < 5: small_expected 1.
printf '%s\n' 'deal_id,stage,region' '1,Lead,North' '2,Qualified,' '3,Qualified,North' '4,Lead,' |
funnel-stages --by region --stages Lead,Qualified
