# After a quoted note spanning lines 3-5, an invalid date on physical line 7
# is reported as line 7 (not record 5).
printf '%s\n' 'deal_id,stage,entered_at,note' '1,Lead,2024-01-01,x' '2,Lead,2024-01-01,"a' 'b' 'c"' \
	'3,Lead,2024-01-02,y' '4,Lead,2025-02-30,z' |
funnel-stages --stages Lead,Qualified
