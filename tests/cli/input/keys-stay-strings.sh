# Keys stay strings: 00001, 001 and 1 are three different deals, even
# though they are the same number. Hand count: 00001 Qualified (two rows),
# 1 Lead, 001 Lead.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: 00001 01-01 -> 01-02 = 1.
printf '%s\n' 'deal_id,stage,entered_at' '00001,Lead,2024-01-01' '1,Lead,2024-01-01' \
	'00001,Qualified,2024-01-02' '001,Lead,2024-01-03' |
funnel-stages --stages Lead,Qualified
