# --precision that is no number: 64.
funnel-stages -p two --stages Lead,Qualified <data/stages/snapshot.csv
