# --stages given again replaces the order, and blanks around the names are
# removed (funnel-stages(1)); same hand-computed funnel as snapshot-auto.
funnel-stages --stages A,B --stages ' Lead , Qualified,Proposal ,Won' <data/stages/snapshot.csv
