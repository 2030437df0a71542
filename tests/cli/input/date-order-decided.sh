# Ambiguous dates wait until a later value decides the order (13/01 can only
# be D/M): then 02/01 is 2 Jan and 01/02 is 1 Feb, so X's Lost row (1 Feb) is
# later than its Qualified row (2 Jan): lost at Qualified. --verbose names
# the deciding value and its line.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: X 1 Jan -> 2 Jan = 1.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,01/01/2024' 'X,Qualified,02/01/2024' \
	'X,Lost,01/02/2024' 'Y,Lead,13/01/2024' |
funnel-stages -v --stages Lead,Qualified,Won
