# --by the stage column (snapshot: one funnel per current stage label) must
# work: the column is both the stage and the group. Hand count: group Lead =
# {1 Lead, 3 Lead}, group Qualified = {2 Qualified}.
# p_value/small_expected (with --by): Pearson chi-square across the groups
# per step, no continuity correction, groups with nobody entering the step
# left out; worked out independently (python closed-form chi-square tail):
# Qualified 0/2 vs 1/1: statistic 3 on 1 df -> 0.0833; small_expected 1.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Qualified' '3,Lead' |
funnel-stages --by stage --stages Lead,Qualified
