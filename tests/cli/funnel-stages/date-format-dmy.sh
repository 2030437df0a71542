# Every date is ambiguous (01/02, 02/03, 03/02): --date-format dmy decides.
# D/M: Lead 1 Feb, Lost 2 Mar, Qualified 3 Feb -> the Lost row is the
# latest: the deal is lost at Qualified (hand reasoning).
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,01/02/2024' 'X,Lost,02/03/2024' 'X,Qualified,03/02/2024' |
funnel-stages --date-format dmy --stages Lead,Qualified,Won
