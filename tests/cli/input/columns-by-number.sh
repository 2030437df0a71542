# --key/--stage/--status by 1-based number; the header names are meaningless
# so nothing could be auto-detected. Same hand-computed funnel as snapshot-auto.
sed '1s/.*/c1,c2,c3,c4,c5/' data/stages/snapshot.csv |
funnel-stages --key 1 --stage 4 --status 5 --stages Lead,Qualified,Proposal,Won
