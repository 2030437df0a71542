# The same rows read M/D: Lead Jan 2, Lost Feb 3, Qualified Mar 2 -> the
# Qualified row is the latest and reopens the deal: nobody is lost.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,01/02/2024' 'X,Lost,02/03/2024' 'X,Qualified,03/02/2024' |
funnel-stages --date-format mdy --stages Lead,Qualified,Won
