# --date-format as a strptime format with a time of day: order within one
# day matters. X: Lost at 17:30 after Qualified at 09:00 -> lost at
# Qualified; Y: Qualified at 17:30 after Lost at 09:00 -> reopened, open.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: X 2 d 1 h = 2.0417, Y 2 d 9.5 h = 2.3958 -> median = mean =
# 2.21875 -> 2.22.
printf '%s\n' 'deal_id,stage,entered_at' \
	'X,Lead,01.02.2024 08:00' 'X,Qualified,03.02.2024 09:00' 'X,Lost,03.02.2024 17:30' \
	'Y,Lead,01.02.2024 08:00' 'Y,Lost,03.02.2024 09:00' 'Y,Qualified,03.02.2024 17:30' |
funnel-stages --date-format '%d.%m.%Y %H:%M' --stages Lead,Qualified,Won
