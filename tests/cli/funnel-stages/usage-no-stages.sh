# No --stages and no --stages-file: 64 and what to give.
funnel-stages <data/stages/snapshot.csv
