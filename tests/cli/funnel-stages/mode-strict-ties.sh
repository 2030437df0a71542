# Ties in strict mode: an event at exactly the time of the chain's last
# step is a tie, not between; steps tied with each other count as in order.
# A: Lead 01-01, Qualified 01-02, Call 01-02 (tied with Qualified),
# Proposal 01-03 -> 3. B: Lead 01-01, Call 01-02 and Qualified 01-02 tied
# (Call written first), Proposal 01-03 -> 3. C: Qualified and Lead tied at
# 01-05 (Qualified written first), Proposal 01-06 -> 3. D: Lead 01-01, Call
# 01-01 (tied with Lead), Qualified 01-02 -> 2.
# Lead 4, Qualified 4, Proposal 3. Days: L->Q A 1, B 1, C 0, D 1 -> median
# 1.00, mean 0.75; Q->P A 1, B 1, C 1.
printf '%s\n' 'deal,stage,entered_at' \
	'A,Lead,2025-01-01' 'A,Qualified,2025-01-02' 'A,Call,2025-01-02' 'A,Proposal,2025-01-03' \
	'B,Lead,2025-01-01' 'B,Call,2025-01-02' 'B,Qualified,2025-01-02' 'B,Proposal,2025-01-03' \
	'C,Qualified,2025-01-05' 'C,Lead,2025-01-05' 'C,Proposal,2025-01-06' \
	'D,Lead,2025-01-01' 'D,Call,2025-01-01' 'D,Qualified,2025-01-02' |
funnel-stages --mode strict --stages Lead,Qualified,Proposal
