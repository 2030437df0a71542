# An error inside a record that spans lines 3-5 names line 3, where the
# record starts.
printf '%s\n' 'deal_id,stage,entered_at,note' '1,Lead,2024-01-01,x' '2,Lead,2025-02-30,"a' 'b' 'c"' \
	'3,Lead,2024-01-02,y' |
funnel-stages --stages Lead,Qualified
