# With --date-format mdy, 13/01/2024 is no date: 65.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,01/02/2024' 'X,Qualified,13/01/2024' | funnel-stages --date-format mdy --stages Lead,Qualified
