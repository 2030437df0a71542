# M/D/YYYY with AM/PM times, with and without a space, any case: 12 AM is
# midnight. X: Lost 10:00 PM, Qualified 11:00 PM -> reopened, open.
# Y: Lost 12:30 AM (00:30), Qualified 1:00am -> reopened, open. Had 12 AM
# been noon, Y would be lost. Hand count: both at Qualified, none lost.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: X 9:00 AM -> 11:00 PM = 14 h, Y 8:00 AM -> 1:00 AM next day =
# 17 h -> median = mean = 15.5 h = 0.6458 -> 0.65.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,1/13/2024 9:00 AM' 'X,Lost,1/13/2024 10:00 PM' \
	'X,Qualified,1/13/2024 11:00 pm' 'Y,Lead,1/13/2024 8:00 AM' 'Y,Qualified,1/14/2024 1:00am' \
	'Y,Lost,1/14/2024 12:30 AM' |
funnel-stages --stages Lead,Qualified,Won
