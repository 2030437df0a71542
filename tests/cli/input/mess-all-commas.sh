# Lines of nothing but delimiters (spreadsheet leftovers), in the middle
# and at the end, are no records. Hand count: 1 Lead, 2 Qualified, 3 Lead.
printf '%s\n' 'deal_id,stage,note' '1,Lead,a' ',,' '2,Qualified,b' '3,Lead,c' ',,' ',,' |
funnel-stages --stages Lead,Qualified
