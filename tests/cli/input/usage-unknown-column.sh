# --key naming a column that is not there: 64, and the message lists the
# headers that were found.
funnel-stages --key deal_number --stages Lead,Qualified <data/stages/snapshot.csv
