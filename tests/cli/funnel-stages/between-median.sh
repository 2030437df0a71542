# median_days / mean_days: days from first entering the previous stage, over
# the deals that reached both with known times; median by linear
# interpolation (R type 7).
# Lead -> Qualified: D1 1, D2 2, D3 4, D4 10 -> median (2 + 4) / 2 = 3.00,
#   mean 17 / 4 = 4.25.
# Qualified -> Proposal: D1 0.5 (12 h), D2 1, D3 3 -> median 1.00, mean
#   4.5 / 3 = 1.50. Lead has no previous stage: empty.
printf '%s\n' 'deal,stage,entered_at' \
	'D1,Lead,2025-01-01T00:00:00' 'D1,Qualified,2025-01-02T00:00:00' 'D1,Proposal,2025-01-02T12:00:00' \
	'D2,Lead,2025-01-01T00:00:00' 'D2,Qualified,2025-01-03T00:00:00' 'D2,Proposal,2025-01-04T00:00:00' \
	'D3,Lead,2025-01-01T00:00:00' 'D3,Qualified,2025-01-05T00:00:00' 'D3,Proposal,2025-01-08T00:00:00' \
	'D4,Lead,2025-01-01T00:00:00' 'D4,Qualified,2025-01-11T00:00:00' |
funnel-stages --stages Lead,Qualified,Proposal
