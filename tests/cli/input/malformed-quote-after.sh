# Text after a closing quote: 65.
printf '%s\n' 'deal_id,stage' '"1"x,Lead' | funnel-stages --stages Lead,Qualified
