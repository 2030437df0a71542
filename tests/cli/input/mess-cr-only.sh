# Old Mac line ends (CR only, no final line end). Hand count: 1 Lead,
# 2 Qualified, 3 Lead.
printf 'deal_id,stage\r1,Lead\r2,Qualified\r3,Lead' | funnel-stages --stages Lead,Qualified
