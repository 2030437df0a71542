# -f json with --by region: an array of objects, one per row; text quoted,
# numbers bare, undefined rates null (never NaN, never 0), the empty group
# name "". Numbers are the hand-computed ones of by-one-column.
# p_value/small_expected (with --by): Pearson chi-square across the groups
# per step, no continuity correction, groups with nobody entering the step
# left out; worked out independently (python closed-form chi-square tail):
# Qualified 0/1, 2/4, 3/3: statistic 3.7333 on 2 df -> 0.1546; Proposal 1/2,
# 2/3 (the blank group has nobody at Qualified): 0.1389 on 1 df -> 0.7094;
# Won 1/1, 0/2: 3 on 1 df -> 0.0833; all with expected counts below 5 ->
# small_expected 1. No times: median_days/mean_days empty; bottleneck 0
# (fewer than 30 deals).
funnel-stages -f json --by region --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
