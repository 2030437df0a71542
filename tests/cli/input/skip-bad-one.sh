# One skipped record: the count is singular. Hand count: A Lead.
printf '%s\n' 'deal_id,stage' 'A,Lead' ',Lead' |
funnel-stages --skip-bad --stages Lead,Qualified
