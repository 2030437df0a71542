# Snapshot with stage date columns (--stage-date, repeatable): a non-empty
# date means the deal entered that stage even if the stage column says less.
# Hand count from data/stages/wide.csv: 1 Lead; 2 Qualified (date);
# 3 Proposal (date beyond its stage); 4 Qualified, lost; 5 Won; 6 Lead, lost.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Only Qualified and Proposal have dates, so only the Proposal step is
# timed: 3 02-01 -> 02-03 = 2, 5 02-01 -> 02-05 = 4 -> median = mean = 3.00.
funnel-stages --stage-date 'Qualified=Qualified date' \
	--stage-date 'Proposal=Proposal date' \
	--stages Lead,Qualified,Proposal,Won <data/stages/wide.csv
