# --by the key column itself (one funnel per deal) must work: the column is
# both the key and the group. Hand count: group 1 = {1 Lead}, group 2 =
# {2 Qualified}.
# p_value/small_expected (with --by): Pearson chi-square across the groups
# per step, no continuity correction, groups with nobody entering the step
# left out; worked out independently (python closed-form chi-square tail):
# Qualified 0/1 vs 1/1: statistic 2 on 1 df -> 0.1573; small_expected 1.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Qualified' |
funnel-stages --by deal_id --stages Lead,Qualified
