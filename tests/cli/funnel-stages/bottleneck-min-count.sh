# The bottleneck is the step with the lowest step conversion among steps
# with at least --min-count deals entering it (default 30). Snapshot of 100
# deals: 60 at Lead, 11 Qualified, 27 Proposal, 2 Won -> reached 100, 40,
# 29, 2. Steps: Qualified 40/100 = 0.40 (100 entering), Proposal 29/40 =
# 0.725 (40), Won 2/29 = 0.069 (29 entering).
# Default: Won has too few deals entering -> Qualified is the bottleneck.
# --min-count 29: Won qualifies and is the lowest -> Won.
awk 'BEGIN { print "deal_id,stage"
	for (i = 1; i <= 100; i++)
		print i "," (i <= 60 ? "Lead" : i <= 71 ? "Qualified" : i <= 98 ? "Proposal" : "Won") }' >in.csv
echo '== default'
funnel-stages --stages Lead,Qualified,Proposal,Won in.csv
echo '== --min-count 29'
funnel-stages --min-count 29 --stages Lead,Qualified,Proposal,Won in.csv
