# Ordered mode: steps cannot be skipped. A went Lead -> Proposal without
# Qualified: it reaches step 1 only (furthest would count it at Proposal).
# B went Lead -> Qualified -> Proposal: 3. Lead 2, Qualified 1, Proposal 1.
# Days along B's chain: L->Q 1, Q->P 2.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Proposal,2025-01-03' \
	'B,Lead,2025-01-01' 'B,Qualified,2025-01-02' 'B,Proposal,2025-01-04' |
funnel-stages --mode ordered --stages Lead,Qualified,Proposal
