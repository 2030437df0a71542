# Wide layout without a stage column: only --stage-date columns (the first
# stage too). The furthest stage with a date counts. Hand count:
# 1 Lead; 2 Qualified; 3 Proposal; 4 Qualified.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: 2 8, 3 3, 4 1 -> median 3.00, mean 4.00; Proposal: 3 01-05 ->
# 01-20 = 15.
printf '%s\n' 'Deal ID,created,qualified,proposal' \
	'1,2024-01-01,,' '2,2024-01-01,2024-01-09,' \
	'3,2024-01-02,2024-01-05,2024-01-20' '4,2024-01-03,2024-01-04,' |
funnel-stages --stage-date Lead=created --stage-date Qualified=qualified \
	--stage-date Proposal=proposal --stages Lead,Qualified,Proposal
