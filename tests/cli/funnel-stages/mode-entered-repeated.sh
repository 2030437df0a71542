# Repeated stages count once per deal in entered mode: A has two Lead rows
# then two Qualified rows (one stay each), B two Lead rows and nothing
# else. Lead 2 (A, B), Qualified 1 (A): step 0.5000, dropped 1.
# Days: A's Lead stay began 01-01 and its Qualified stay 01-04 -> 3 days
# (from the first row of each stay, not from the last Lead row).
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Lead,2025-01-02' \
	'A,Qualified,2025-01-04' 'A,Qualified,2025-01-05' 'B,Lead,2025-01-01' 'B,Lead,2025-01-03' |
funnel-stages --mode entered --stages Lead,Qualified
