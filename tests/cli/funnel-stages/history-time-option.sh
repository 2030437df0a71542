# --key/--stage/--time name columns the defaults do not know. Rows are out of
# time order: by the "moved" times X was Lead, Qualified, Lost (03-03), then
# Proposal (03-04) -> reopened, furthest Proposal; Y lost at Lead.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: X 03-01 -> 03-02 = 1; Proposal: X 03-02 -> 03-04 = 2.
printf '%s\n' 'opp,step,moved' 'X,Proposal,2024-03-04' 'X,Lost,2024-03-03' 'Y,Lost,2024-03-02' \
	'X,Lead,2024-03-01' 'X,Qualified,2024-03-02' 'Y,Lead,2024-03-01' |
funnel-stages --key opp --stage step --time moved --stages Lead,Qualified,Proposal,Won
