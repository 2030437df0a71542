# -f md: a Markdown table; text columns left, numbers right (---:), rates as
# percentages with one decimal. Hand-computed from snapshot-auto:
# 5/8 = 62.5%, 3/5 = 60.0%, 3/8 = 37.5%, 1/3 = 33.3%, 1/8 = 12.5%.
funnel-stages -f md --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
