# The inferred order applies to every mode. First reaches: Lead A 01-01,
# B 01-01 -> median 01-01; Demo A 01-02, B 01-03, C 05-01 -> median 01-03:
# order Lead, Demo. Ordered: A Lead 01-01 -> Demo 01-02: 2; B (rows written
# Demo first) Lead 01-01 -> Demo 01-03: 2; C has only Demo: no step 1, not
# counted. Lead 2, Demo 2; days A 1, B 2 -> median 1.50, mean 1.50.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Demo,2025-01-02' \
	'B,Demo,2025-01-03' 'B,Lead,2025-01-01' 'C,Demo,2025-05-01' |
funnel-stages --mode ordered
