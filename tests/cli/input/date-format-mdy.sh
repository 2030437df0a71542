# The same rows read M/D: Lead Jan 2, Lost Feb 3, Qualified Mar 2 -> the
# Qualified row is the latest and reopens the deal: nobody is lost.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: Jan 2 -> Mar 2 2024 = 29 + 29 (leap February) + 2 = 60.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,01/02/2024' 'X,Lost,02/03/2024' 'X,Qualified,03/02/2024' |
funnel-stages --date-format mdy --stages Lead,Qualified,Won
