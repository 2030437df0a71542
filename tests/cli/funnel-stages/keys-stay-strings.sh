# Keys stay strings: 00001, 001 and 1 are three different deals, even
# though they are the same number. Hand count: 00001 Qualified (two rows),
# 1 Lead, 001 Lead.
printf '%s\n' 'deal_id,stage,entered_at' '00001,Lead,2024-01-01' '1,Lead,2024-01-01' \
	'00001,Qualified,2024-01-02' '001,Lead,2024-01-03' |
funnel-stages --stages Lead,Qualified
