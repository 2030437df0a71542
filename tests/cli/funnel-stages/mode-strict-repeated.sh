# Consecutive rows of the same stage are one stay, not a break. A: Lead,
# Lead, Qualified, Qualified, Proposal -> 3. B: Lead, Call, Lead, Qualified
# -> the Call breaks the first chain, the second Lead starts another -> 2.
# Lead 2, Qualified 2, Proposal 1. Days (a stay begins at its first row):
# L->Q A 01-01 -> 01-03 = 2, B 01-03 -> 01-04 = 1 -> median 1.50, mean
# 1.50; Q->P A 01-03 -> 01-05 = 2.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Lead,2025-01-02' 'A,Qualified,2025-01-03' \
	'A,Qualified,2025-01-04' 'A,Proposal,2025-01-05' \
	'B,Lead,2025-01-01' 'B,Call,2025-01-02' 'B,Lead,2025-01-03' 'B,Qualified,2025-01-04' |
funnel-stages --mode strict --stages Lead,Qualified,Proposal
