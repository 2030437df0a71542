# A stage listed twice in --stages: 64.
funnel-stages --stages Lead,Qualified,Lead <data/stages/snapshot.csv
