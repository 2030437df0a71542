# --within 12h in strict mode, bound inclusive, from the first step.
# A: Lead 08:00, Qualified 20:00:00 (exactly 12 h) -> 2. B: Qualified at
# 20:00:01 -> 1. C: Lead 08:00, Qualified 09:00, Proposal 20:00:00 -> 3.
# Lead 3, Qualified 2, Proposal 1.
# Days: L->Q A 0.5, C 1/24 -> median = mean = 0.2708 -> 0.27; Q->P C 11 h
# = 0.4583 -> 0.46.
printf '%s\n' 'deal,stage,entered_at' \
	'A,Lead,2025-02-01T08:00:00' 'A,Qualified,2025-02-01T20:00:00' \
	'B,Lead,2025-02-01T08:00:00' 'B,Qualified,2025-02-01T20:00:01' \
	'C,Lead,2025-02-01T08:00:00' 'C,Qualified,2025-02-01T09:00:00' 'C,Proposal,2025-02-01T20:00:00' |
funnel-stages --mode strict --within 12h --stages Lead,Qualified,Proposal
