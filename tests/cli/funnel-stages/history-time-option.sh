# --key/--stage/--time name columns the defaults do not know. Rows are out of
# time order: by the "moved" times X was Lead, Qualified, Lost (03-03), then
# Proposal (03-04) -> reopened, furthest Proposal; Y lost at Lead.
printf '%s\n' 'opp,step,moved' 'X,Proposal,2024-03-04' 'X,Lost,2024-03-03' 'Y,Lost,2024-03-02' \
	'X,Lead,2024-03-01' 'X,Qualified,2024-03-02' 'Y,Lead,2024-03-01' |
funnel-stages --key opp --stage step --time moved --stages Lead,Qualified,Proposal,Won
