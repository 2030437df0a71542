# --precision out of its range 0..12: 64.
funnel-stages --precision 13 --stages Lead,Qualified <data/stages/snapshot.csv
