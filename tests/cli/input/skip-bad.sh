# --skip-bad: a record with an invalid date and one with too few fields are
# skipped and counted on stderr; the rest is counted. Hand count over the
# good rows: A Lead, D Qualified.
printf '%s\n' 'deal_id,stage,entered_at' 'A,Lead,2024-01-01' 'B,Lead,2025-02-30' 'C,Lead' 'D,Qualified,2024-01-02' |
funnel-stages --skip-bad --stages Lead,Qualified
