# --within 30d in ordered mode: the window runs from the deal's first step,
# bound inclusive. A: Qualified exactly 30 days after Lead -> 2. B: one
# second past 30 days -> 1. C: Lead 01-01, Qualified 01-10, Proposal exactly
# 30 days after Lead -> 3. D: Lead 01-01, Qualified 01-20, Proposal one
# second past -> 2 (the window is from step 1, not from the previous step).
# Lead 4, Qualified 3 (A, C, D), Proposal 1 (C).
# Days: L->Q A 30, C 9, D 19 -> median 19.00, mean 58/3 = 19.33; Q->P C 21.
printf '%s\n' 'deal,stage,entered_at' \
	'A,Lead,2025-01-01T00:00:00Z' 'A,Qualified,2025-01-31T00:00:00Z' \
	'B,Lead,2025-01-01T00:00:00Z' 'B,Qualified,2025-01-31T00:00:01Z' \
	'C,Lead,2025-01-01T00:00:00Z' 'C,Qualified,2025-01-10T00:00:00Z' 'C,Proposal,2025-01-31T00:00:00Z' \
	'D,Lead,2025-01-01T00:00:00Z' 'D,Qualified,2025-01-20T00:00:00Z' 'D,Proposal,2025-01-31T00:00:01Z' |
funnel-stages --mode ordered --within 30d --stages Lead,Qualified,Proposal
