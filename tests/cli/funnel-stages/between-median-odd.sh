# Type 7 quantile with a fractional position: five Lead -> Qualified times
# 0.25, 1, 1.5, 6, 40 days: the median is the 3rd value, 1.50; mean 48.75
# / 5 = 9.75. Six times (adding 2 days): median halfway between 1.5 and 2
# = 1.75; mean 50.75 / 6 = 8.4583 -> 8.46.
printf '%s\n' 'deal,stage,entered_at' \
	'A,Lead,2025-01-01T00:00:00' 'A,Qualified,2025-01-01T06:00:00' \
	'B,Lead,2025-01-01T00:00:00' 'B,Qualified,2025-01-02T00:00:00' \
	'C,Lead,2025-01-01T00:00:00' 'C,Qualified,2025-01-02T12:00:00' \
	'D,Lead,2025-01-01T00:00:00' 'D,Qualified,2025-01-07T00:00:00' \
	'E,Lead,2025-01-01T00:00:00' 'E,Qualified,2025-02-10T00:00:00' >in.csv
funnel-stages --stages Lead,Qualified in.csv
printf '%s\n' 'F,Lead,2025-01-01T00:00:00' 'F,Qualified,2025-01-03T00:00:00' >>in.csv
funnel-stages --stages Lead,Qualified in.csv
