# Several attempts in strict mode: the furthest counts. A: Lead, Call,
# Qualified (broken at 1), then Lead, Qualified, Proposal -> 3. B: Lead,
# Qualified, Proposal (3), Lost, then Lead, Qualified, Lost -> 3, lost at
# Proposal (latest row Lost). Lead 2, Qualified 2, Proposal 2 (lost 1);
# every counted step took one day.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Call,2025-01-02' 'A,Qualified,2025-01-03' \
	'A,Lead,2025-01-10' 'A,Qualified,2025-01-11' 'A,Proposal,2025-01-12' \
	'B,Lead,2025-01-01' 'B,Qualified,2025-01-02' 'B,Proposal,2025-01-03' 'B,Lost,2025-01-04' \
	'B,Lead,2025-02-01' 'B,Qualified,2025-02-02' 'B,Lost,2025-02-03' |
funnel-stages --mode strict --stages Lead,Qualified,Proposal
