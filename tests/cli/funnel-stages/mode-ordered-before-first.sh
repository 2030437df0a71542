# Events before step 1 start nothing in ordered mode. A: Qualified (01-01)
# before Lead (01-02), then Proposal: the early Qualified is no step 2, and
# Proposal has no Qualified after Lead -> 1. B: Proposal, Lead, Qualified
# -> 2. C: Call (non-funnel, ignored with a warning), Lead, Qualified,
# Proposal -> 3. Lead 3, Qualified 2 (0.6667), Proposal 1 (0.5, overall
# 0.3333). Days: L->Q B 1, C 1; Q->P C 1.
printf '%s\n' 'deal,stage,entered_at' 'A,Qualified,2025-01-01' 'A,Lead,2025-01-02' 'A,Proposal,2025-01-03' \
	'B,Proposal,2025-01-01' 'B,Lead,2025-01-02' 'B,Qualified,2025-01-03' \
	'C,Call,2025-01-01' 'C,Lead,2025-01-02' 'C,Qualified,2025-01-03' 'C,Proposal,2025-01-04' |
funnel-stages --mode ordered --stages Lead,Qualified,Proposal
