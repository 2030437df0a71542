# M/D/YYYY with AM/PM times, with and without a space, any case: 12 AM is
# midnight. X: Lost 10:00 PM, Qualified 11:00 PM -> reopened, open.
# Y: Lost 12:30 AM (00:30), Qualified 1:00am -> reopened, open. Had 12 AM
# been noon, Y would be lost. Hand count: both at Qualified, none lost.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,1/13/2024 9:00 AM' 'X,Lost,1/13/2024 10:00 PM' \
	'X,Qualified,1/13/2024 11:00 pm' 'Y,Lead,1/13/2024 8:00 AM' 'Y,Qualified,1/14/2024 1:00am' \
	'Y,Lost,1/14/2024 12:30 AM' |
funnel-stages --stages Lead,Qualified,Won
