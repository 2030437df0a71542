# Without --stages the order is inferred from the median time deals first
# reach each stage, and said on stderr. First reaches:
#   Lead      1: 01-20, 2: 01-02, 3: 01-03, 4: 01-04 -> median 01-03 12:00
#   Qualified 2: 01-03, 3: 01-05, 4: 01-06          -> median 01-05
#   Proposal  1: 01-01, 2: 01-10, 3: 01-12          -> median 01-10
# -> Lead, Qualified, Proposal (by earliest reach Proposal would come first,
# by mean Qualified would); Lost is an outcome, not a stage.
# Furthest: 1, 2, 3 reach Proposal, 4 Qualified (lost there).
# Days: L->Q 2: 1, 3: 2, 4: 2 (1 has no Qualified time) -> median 2.00,
# mean 1.67; Q->P 2: 7, 3: 7 -> 7.00.
printf '%s\n' 'deal,stage,entered_at' 'D1,Proposal,2025-01-01' 'D1,Lead,2025-01-20' \
	'D2,Lead,2025-01-02' 'D2,Qualified,2025-01-03' 'D2,Proposal,2025-01-10' \
	'D3,Lead,2025-01-03' 'D3,Qualified,2025-01-05' 'D3,Proposal,2025-01-12' \
	'D4,Lead,2025-01-04' 'D4,Qualified,2025-01-06' 'D4,Lost,2025-01-07' |
funnel-stages
