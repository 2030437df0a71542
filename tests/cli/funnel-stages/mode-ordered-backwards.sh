# Going backwards in ordered mode. A: Lead, Proposal, Qualified -> 2 (the
# Proposal before Qualified is no step 3). B: Lead, Qualified, back to Lead
# -> 2 (a step once reached stays reached). C: Lead, Proposal, Qualified,
# Proposal -> 3 (the second Proposal follows Qualified).
# Lead 3, Qualified 3, Proposal 1 (0.3333, dropped 2).
# Days: L->Q A 2, B 1, C 2 -> median 2.00, mean 1.67; Q->P C 1.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Proposal,2025-01-02' 'A,Qualified,2025-01-03' \
	'B,Lead,2025-01-01' 'B,Qualified,2025-01-02' 'B,Lead,2025-01-03' \
	'C,Lead,2025-01-01' 'C,Proposal,2025-01-02' 'C,Qualified,2025-01-03' 'C,Proposal,2025-01-04' |
funnel-stages --mode ordered --stages Lead,Qualified,Proposal
