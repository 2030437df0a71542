# With --by each group has its own bottleneck (--min-count 2). North: Lead
# 4, Qualified 2 (0.50), Proposal 2 (1.00) -> Qualified. South: Lead 4,
# Qualified 4 (1.00), Proposal 1 (0.25) -> Proposal.
# Chi-square (python3): Qualified step 2/4 vs 4/4: pooled 6/8, expected
# 3 and 1 per group, X2 = 2.6667, p = erfc(sqrt(X2/2)) = 0.10247; Proposal
# step 2/2 vs 1/4: pooled 3/6, X2 = 3, p = 0.08326. Expected counts under
# 5: small_expected 1.
printf '%s\n' 'deal_id,stage,region' 'n1,Lead,North' 'n2,Lead,North' 'n3,Proposal,North' 'n4,Proposal,North' \
	's1,Qualified,South' 's2,Qualified,South' 's3,Qualified,South' 's4,Proposal,South' |
funnel-stages --by region --min-count 2 --stages Lead,Qualified,Proposal
