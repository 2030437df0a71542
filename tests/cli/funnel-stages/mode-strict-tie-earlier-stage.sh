# BUG: in strict mode an earlier-stage event tied with the next step
# breaks the chain instead of counting as in order. F: Lead 01-01,
# Qualified 01-02, Proposal 01-03, then Won and (back to) Qualified both at
# 01-04. Contract: ties count as in order (Won, then Qualified), and the
# Qualified at exactly the time of the chain's last step (Won) is a tie,
# not between -> F reaches Won: 1 at every stage, every step one day.
# funnel-stages sorts the Qualified before the Won, breaks the chain and
# counts F up to Proposal only (Won 0).
printf '%s\n' 'deal,stage,entered_at' \
	'F,Lead,2025-01-01' 'F,Qualified,2025-01-02' 'F,Proposal,2025-01-03' 'F,Won,2025-01-04' 'F,Qualified,2025-01-04' |
funnel-stages --mode strict --stages Lead,Qualified,Proposal,Won
