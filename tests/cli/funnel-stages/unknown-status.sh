# A status that is neither won, lost nor open: 65, naming the value and
# how to pick another column.
printf '%s\n' 'deal_id,stage,status' '1,Lead,open' '2,Lead,maybe' | funnel-stages --stages Lead,Qualified
