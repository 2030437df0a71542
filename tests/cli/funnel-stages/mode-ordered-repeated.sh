# Repeated stages in ordered mode: A has Lead, Lead, Qualified, Qualified,
# Proposal -> 3 (repeats add no step). B has Lead, Lead only -> 1: a second
# Lead row cannot serve as step 2. Lead 2, Qualified 1, Proposal 1.
# Days: consecutive rows of one stage are one stay, which begins at its
# first row: L 01-01 -> Q 01-03 = 2, Q 01-03 -> P 01-05 = 2.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Lead,2025-01-02' 'A,Qualified,2025-01-03' \
	'A,Qualified,2025-01-04' 'A,Proposal,2025-01-05' 'B,Lead,2025-01-01' 'B,Lead,2025-01-05' |
funnel-stages --mode ordered --stages Lead,Qualified,Proposal
