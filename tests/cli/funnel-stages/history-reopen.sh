# A lost row followed by a later stage row reopens the deal (X: Lost on the
# 2nd, Qualified on the 3rd -> open); a stage row followed by Lost stays
# lost (Y: lost at Qualified). Rows are given out of time order on purpose.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: X 01-01 -> 01-03 = 2, Y 01-01 -> 01-04 = 3 -> median = mean =
# 2.50.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Qualified,2024-01-03' 'Y,Closed Lost,2024-01-05' \
	'X,Lost,2024-01-02' 'Y,Qualified,2024-01-04' 'X,Lead,2024-01-01' 'Y,Lead,2024-01-01' |
funnel-stages --stages Lead,Qualified,Won
