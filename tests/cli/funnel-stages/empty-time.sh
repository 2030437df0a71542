# An empty time in long history cannot be placed in order: 65.
printf '%s\n' 'deal_id,stage,entered_at' '1,Lead,2024-01-01' '1,Qualified,' | funnel-stages --stages Lead,Qualified
