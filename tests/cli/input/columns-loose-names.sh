# Column names matched loosely: case, spaces, '_' and '-' are ignored
# ("deal id" -> "DEAL_ID", "current-stage" -> "Current Stage",
# "WON LOST" -> "won_lost"). Same hand-computed funnel as snapshot-auto.
sed '1s/.*/DEAL_ID,Owner,Region,Current Stage,won_lost/' data/stages/snapshot.csv |
funnel-stages --key 'deal id' --stage current-stage --status 'WON LOST' \
	--stages Lead,Qualified,Proposal,Won
