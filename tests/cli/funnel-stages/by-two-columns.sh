# --by owner,region: groups are (owner, region) pairs sorted by owner, then
# region (the empty region first). Counts by hand from data/stages/snapshot.csv:
# Ann/"" = D7; Ann/North = D1 D2; Bob/North = D4 D8; Bob/South = D3;
# Cid/South = D5 D6.
# p_value/small_expected (with --by): Pearson chi-square across the groups
# per step, no continuity correction, groups with nobody entering the step
# left out; worked out independently (python closed-form chi-square tail):
# Qualified 0/1, 1/2, 1/2, 1/1, 2/2: statistic 3.7333 on 4 df -> 0.4433;
# Proposal 0/1, 1/1, 1/1, 1/2: 2.9167 on 3 df -> 0.4047; Won 1/1, 0/1, 0/1:
# 3 on 2 df -> 0.2231; small_expected 1.
funnel-stages --by owner,region --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
