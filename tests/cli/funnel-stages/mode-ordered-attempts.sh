# Several attempts: the furthest one counts. A: attempt 1 Lead, Qualified,
# Proposal, Lost (3 steps); reopened, attempt 2 Lead, Qualified, Lost (2)
# -> 3, lost at Proposal (latest row Lost). B: attempt 1 Lead, Lost;
# attempt 2 Lead, Qualified, Proposal, Won -> 4, not lost.
# Lead 2, Qualified 2, Proposal 2, Won 1. Every step of either attempt
# took one day: all days 1.00.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Qualified,2025-01-02' 'A,Proposal,2025-01-03' \
	'A,Lost,2025-01-04' 'A,Lead,2025-02-01' 'A,Qualified,2025-02-02' 'A,Lost,2025-02-03' \
	'B,Lead,2025-01-01' 'B,Lost,2025-01-02' 'B,Lead,2025-02-01' 'B,Qualified,2025-02-02' \
	'B,Proposal,2025-02-03' 'B,Won,2025-02-04' |
funnel-stages --mode ordered --stages Lead,Qualified,Proposal,Won
