# A record with more fields than the header: 65.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Lead,extra' | funnel-stages --stages Lead,Qualified
