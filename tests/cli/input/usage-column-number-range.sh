# A column number past the last column: 64.
funnel-stages --stage 9 --stages Lead,Qualified <data/stages/snapshot.csv
