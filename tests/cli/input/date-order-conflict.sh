# Once 01/13/2024 (line 2) has decided M/D/Y, a later 13/01/2024 cannot be
# a date of that column: 65, saying why.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,01/13/2024' 'X,Qualified,13/01/2024' | funnel-stages --stages Lead,Qualified
