# --precision 0 with percentages (md): 62.5% -> 63%, 37.5% -> 38%,
# 33.3% -> 33%, 12.5% -> 13% (hand-rounded half away from zero).
funnel-stages --precision=0 -f md --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
