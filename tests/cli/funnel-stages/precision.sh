# --precision 2 in CSV: fractions rounded half away from zero by hand:
# 0.625 -> 0.63, 0.375 -> 0.38, 0.125 -> 0.13, 1/3 -> 0.33; counts unchanged.
funnel-stages -p 2 --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
