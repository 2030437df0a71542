# BUG: in strict mode a first-stage event tied with the next step restarts
# the chain instead of counting as in order. E: Lead 01-01, Qualified
# 01-02, then Proposal and (back to) Lead both at 01-03. Contract: events
# at one timestamp count as in order (Proposal, then Lead), and an event at
# exactly the time of the chain's last step is a tie, not between -> E
# reaches Proposal: Lead 1, Qualified 1, Proposal 1, days 1 and 1.
# funnel-stages sorts the Lead before the Proposal, restarts the chain and
# counts E up to Qualified only (Proposal 0).
printf '%s\n' 'deal,stage,entered_at' \
	'E,Lead,2025-01-01' 'E,Qualified,2025-01-02' 'E,Proposal,2025-01-03' 'E,Lead,2025-01-03' |
funnel-stages --mode strict --stages Lead,Qualified,Proposal
