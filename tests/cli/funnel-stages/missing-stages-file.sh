# A --stages-file that does not exist: 66.
funnel-stages --stages-file no-such.txt <data/stages/snapshot.csv
