# Events at the same timestamp count as in order, whatever the row order.
# A: Qualified and Lead at 01-01 10:00 (Qualified written first), Proposal
# a day later -> 3. B: all three at 01-05 08:00, written Proposal,
# Qualified, Lead -> 3. C: Lead, then Proposal and Qualified tied a day
# later (Proposal written first) -> 3. All 3 at every stage.
# Days: L->Q A 0, B 0, C 1 -> median 0.00, mean 0.33; Q->P A 1, B 0, C 0
# -> median 0.00, mean 0.33.
printf '%s\n' 'deal,stage,entered_at' \
	'A,Qualified,2025-01-01T10:00:00' 'A,Lead,2025-01-01T10:00:00' 'A,Proposal,2025-01-02T10:00:00' \
	'B,Proposal,2025-01-05T08:00:00' 'B,Qualified,2025-01-05T08:00:00' 'B,Lead,2025-01-05T08:00:00' \
	'C,Lead,2025-01-01T10:00:00' 'C,Proposal,2025-01-02T10:00:00' 'C,Qualified,2025-01-02T10:00:00' |
funnel-stages --mode ordered --stages Lead,Qualified,Proposal
