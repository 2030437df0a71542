# A record with an empty deal id: 65.
printf '%s\n' 'deal_id,stage' '1,Lead' ',Qualified' | funnel-stages --stages Lead,Qualified
