# -f table with --by region: one block per group separated by a blank line,
# bars scaled within each group, undefined rates shown as "–" (U+2013, one
# column wide), no bar for a stage nobody reached, the empty group name as
# "(blank)". Numbers from the hand-computed by-one-column case.
# p_value/small_expected (with --by): Pearson chi-square across the groups
# per step, no continuity correction, groups with nobody entering the step
# left out; worked out independently (python closed-form chi-square tail):
# Qualified 0/1, 2/4, 3/3: statistic 3.7333 on 2 df -> 0.1546; Proposal 1/2,
# 2/3 (the blank group has nobody at Qualified): 0.1389 on 1 df -> 0.7094;
# Won 1/1, 0/2: 3 on 1 df -> 0.0833; all with expected counts below 5 ->
# small_expected 1. No times: median_days/mean_days empty; bottleneck 0
# (fewer than 30 deals).
# In a table the marker column small_expected is shown as the row's mark ("◀
# p_value doubtful: an expected count is below 5") and bottleneck likewise;
# median_days/mean_days, with no value at all, are left out.
funnel-stages -f table --by region --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
