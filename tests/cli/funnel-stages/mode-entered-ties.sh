# Ties in entered mode: A's Qualified and Lead rows carry the same instant
# (Qualified written first), then Proposal 12 hours later; B went Lead ->
# Qualified in one day. Entered: A all three, B Lead and Qualified.
# Days L->Q: A 0, B 1 -> median 0.50, mean 0.50; Q->P: A 0.5 day.
printf '%s\n' 'deal,stage,entered_at' 'A,Qualified,2025-01-01T09:00:00' 'A,Lead,2025-01-01T09:00:00' \
	'A,Proposal,2025-01-01T21:00:00' 'B,Lead,2025-01-01T09:00:00' 'B,Qualified,2025-01-02T09:00:00' |
funnel-stages --mode entered --stages Lead,Qualified,Proposal
