# --by region: one funnel per group, groups sorted by name; D7 has an empty
# region and forms the group with the empty name (sorted first). 0/0 step
# conversions are undefined: empty cells. Counts by hand from
# data/stages/snapshot.csv: "" = {D7 Lead lost}; North = {D1 Lead, D2
# Qualified lost, D4 Won, D8 Lead}; South = {D3 Proposal, D5 Qualified,
# D6 Proposal lost}.
funnel-stages --by region --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
