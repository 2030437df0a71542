# -f table forced (stdout is no terminal): columns aligned, rates as
# percentages, reached drawn as a bar of 24 cells scaled to the first stage
# (8/8 -> 24, 5/8 -> 15, 3/8 -> 9, 1/8 -> 3 full blocks). Expected bytes
# written from the hand-computed snapshot-auto numbers, not from our output.
# A table leaves out number columns with no value at all (median_days and
# mean_days: no times here) and shows the marker column bottleneck as a row
# mark (none: fewer than 30 deals), so the new columns add nothing here.
funnel-stages -f table --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
