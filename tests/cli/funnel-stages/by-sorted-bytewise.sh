# Group order is by name, byte-wise, independent of first appearance: rows
# arrive as zeta, Alpha, beta, alpha and groups come out Alpha, alpha, beta,
# zeta (upper case sorts before lower case). One deal each, all at Lead.
# p_value/small_expected (with --by): Pearson chi-square across the groups
# per step, no continuity correction, groups with nobody entering the step
# left out; worked out independently (python closed-form chi-square tail):
# Qualified 0/1, 0/1, 1/1, 0/1: statistic 4 on 3 df -> 0.2615;
# small_expected 1.
printf '%s\n' 'deal_id,stage,team' '1,Lead,zeta' '2,Lead,Alpha' '3,Qualified,beta' '4,Lead,alpha' |
funnel-stages --by team --stages Lead,Qualified
