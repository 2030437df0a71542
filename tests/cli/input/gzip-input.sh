# A gzip file given where CSV is expected: 65, saying what it is.
gzip -c data/stages/snapshot.csv >deals.csv.gz
funnel-stages --stages Lead,Qualified deals.csv.gz
