# Snapshot with stage date columns (--stage-date, repeatable): a non-empty
# date means the deal entered that stage even if the stage column says less.
# Hand count from data/stages/wide.csv: 1 Lead; 2 Qualified (date);
# 3 Proposal (date beyond its stage); 4 Qualified, lost; 5 Won; 6 Lead, lost.
funnel-stages --stage-date 'Qualified=Qualified date' \
	--stage-date 'Proposal=Proposal date' \
	--stages Lead,Qualified,Proposal,Won <data/stages/wide.csv
