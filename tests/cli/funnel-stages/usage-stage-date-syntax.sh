# --stage-date without "=": 64.
funnel-stages --stage-date Qualified --stages Lead,Qualified <data/stages/wide.csv
