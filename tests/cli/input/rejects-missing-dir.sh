# --rejects into a directory that does not exist: 74 before any reading,
# naming the file; no report on stdout.
funnel-stages --rejects nodir/rej.csv --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
