# Two files with different column orders and names are read one after the
# other, each header bound afresh; deal 1 appears in both. Hand count:
# 1 Qualified, 2 Lead, 3 Lead.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Lead' >a.csv
printf '%s\n' 'Stage,Deal ID' 'Qualified,1' 'Lead,3' >b.csv
funnel-stages --stages Lead,Qualified a.csv b.csv
