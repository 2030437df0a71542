# --stage-date with a stage that is not in the order: 64.
funnel-stages --stage-date 'Demo=Qualified date' --stages Lead,Qualified,Proposal,Won <data/stages/wide.csv
