# Events before step 1 do not break a strict chain that has not started.
# A: Call, Lead, Qualified -> 2. B: Qualified, Lead, Qualified -> 2.
# C: Proposal, Lead, Proposal -> 1 (Proposal is not the step after Lead).
# Lead 3, Qualified 2, Proposal 0. Days: L->Q A 1, B 1.
printf '%s\n' 'deal,stage,entered_at' 'A,Call,2025-01-01' 'A,Lead,2025-01-02' 'A,Qualified,2025-01-03' \
	'B,Qualified,2025-01-01' 'B,Lead,2025-01-02' 'B,Qualified,2025-01-03' \
	'C,Proposal,2025-01-01' 'C,Lead,2025-01-02' 'C,Proposal,2025-01-03' |
funnel-stages --mode strict --stages Lead,Qualified,Proposal
