# Without --date-format, a column where every date is ambiguous is refused
# (no guessing): exit 65 and a hint.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,01/02/2024' 'X,Lost,02/03/2024' 'X,Qualified,03/02/2024' |
funnel-stages --stages Lead,Qualified,Won
