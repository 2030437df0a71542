# --skip-bad with --verbose: each skipped record is named with its line and
# reason, then the count. Same rows and hand count as skip-bad.
printf '%s\n' 'deal_id,stage,entered_at' 'A,Lead,2024-01-01' 'B,Lead,2025-02-30' 'C,Lead' 'D,Qualified,2024-01-02' |
funnel-stages --skip-bad -v --stages Lead,Qualified
