# An empty stage name in --stages (two commas): 64.
funnel-stages --stages Lead,,Won <data/stages/snapshot.csv
