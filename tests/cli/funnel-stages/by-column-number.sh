# --by 3 selects the region column by number: the same groups and counts as
# by-one-column (hand-computed). The group column is headed with the name as
# given to -b, here "3" (funnel-stages(1), OUTPUT).
funnel-stages --by 3 --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
