# --precision 0 with percentages (md), rounded as C printf rounds the
# binary value, exact ties to even: 62.5% -> 62%, 37.5% -> 38%,
# 33.3% -> 33%, 12.5% -> 12%. (First written with half-up rounding, 63%
# and 13%; changed to printf's.) No times: median_days/mean_days are
# "–"; bottleneck 0 (fewer than 30 deals).
funnel-stages --precision=0 -f md --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
