# --format with an unknown name: 64, the known names listed.
funnel-stages -f xml --stages Lead,Qualified <data/stages/snapshot.csv
