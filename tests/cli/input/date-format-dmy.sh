# Every date is ambiguous (01/02, 02/03, 03/02): --date-format dmy decides.
# D/M: Lead 1 Feb, Lost 2 Mar, Qualified 3 Feb -> the Lost row is the
# latest: the deal is lost at Qualified (hand reasoning).
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: 1 Feb -> 3 Feb = 2.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,01/02/2024' 'X,Lost,02/03/2024' 'X,Qualified,03/02/2024' |
funnel-stages --date-format dmy --stages Lead,Qualified,Won
