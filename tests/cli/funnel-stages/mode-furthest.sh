# --mode furthest, given explicitly, is the default: the same hand-computed
# funnel as snapshot-auto.
funnel-stages --mode furthest --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
