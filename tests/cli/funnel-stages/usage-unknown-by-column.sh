# --by naming a column that is not there: 64, headers listed.
funnel-stages --by team --stages Lead,Qualified <data/stages/snapshot.csv
