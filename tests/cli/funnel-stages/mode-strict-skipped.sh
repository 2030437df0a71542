# A skipped stage ends a strict chain: A went Lead -> Proposal -> 1. B went
# Lead -> Qualified -> Won (skipping Proposal) -> 2.
# Lead 2, Qualified 1, Proposal 0 (step 0/1), Won 0 (step 0/0: empty).
# Days: L->Q B 1.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Proposal,2025-01-03' \
	'B,Lead,2025-01-01' 'B,Qualified,2025-01-02' 'B,Won,2025-01-05' |
funnel-stages --mode strict --stages Lead,Qualified,Proposal,Won
