# "-" reads stdin, named <stdin> in messages.
printf '%s\n' 'deal_id,stage' '1,Lead' ',Lead' | funnel-stages --stages Lead,Qualified -
