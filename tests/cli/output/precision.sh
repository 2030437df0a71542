# --precision 2 in CSV: fractions rounded as C printf (and awk's printf)
# rounds the binary value, exact ties to even: 0.625 -> 0.62,
# 0.375 -> 0.38, 0.125 -> 0.12, 1/3 -> 0.33; counts unchanged. (First
# written with half-up rounding, 0.63 and 0.13; changed to printf's.)
# No times: median_days/mean_days empty; bottleneck 0 (fewer than 30 deals).
funnel-stages -p 2 --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
