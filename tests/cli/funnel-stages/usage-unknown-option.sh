# An unknown option: usage error (64), argp message and hint.
funnel-stages --bogus --stages Lead,Qualified <data/stages/snapshot.csv
