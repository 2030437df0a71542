# Going backwards in strict mode. A: Lead, Proposal, Qualified -> 1 (the
# Proposal breaks the chain before Qualified). B: Lead, Qualified, back to
# Lead, Qualified, Proposal -> the second chain reaches 3. C: Lead,
# Qualified, Proposal, back to Qualified -> 3 (after the last step).
# Lead 3, Qualified 2, Proposal 2; every counted step took one day.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Proposal,2025-01-02' 'A,Qualified,2025-01-03' \
	'B,Lead,2025-01-01' 'B,Qualified,2025-01-02' 'B,Lead,2025-01-03' 'B,Qualified,2025-01-04' 'B,Proposal,2025-01-05' \
	'C,Lead,2025-01-01' 'C,Qualified,2025-01-02' 'C,Proposal,2025-01-03' 'C,Qualified,2025-01-04' |
funnel-stages --mode strict --stages Lead,Qualified,Proposal
