# Rows are ordered by absolute instant, not by the wall clock as written:
# X's Qualified at 10:00+02:00 is 08:00Z, before its Lost at 09:00Z, so X
# is lost (by wall clock it would look reopened). Y's Lost at 23:30-05:00 on
# the 1st is 04:30Z on the 2nd, after its Qualified at 02:00Z: lost too.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: X 07:00Z -> 08:00Z = 1 h, Y 01:00Z -> 02:00:00.5Z = 1 h 0.5 s:
# both 0.0417 days -> 0.04.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,2024-01-01T07:00:00Z' \
	'X,Qualified,2024-01-01T10:00:00+02:00' 'X,Lost,2024-01-01T09:00:00Z' \
	'Y,Lead,2024-01-01 20:00:00-05:00' 'Y,Qualified,2024-01-02T02:00:00.5Z' 'Y,Lost,2024-01-01T23:30:00-0500' |
funnel-stages --stages Lead,Qualified,Won
