# --delimiter must be one character (or "tab"): 64.
funnel-stages --delimiter ab --stages Lead,Qualified <data/stages/snapshot.csv
