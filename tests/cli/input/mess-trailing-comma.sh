# Every line ends with a comma: the header has an unnamed last column and
# every record has the same number of fields. Hand count: 1 Lead,
# 2 Qualified, 3 Lead.
printf '%s\n' 'deal_id,stage,' '1,Lead,' '2,Qualified,' '3,Lead,' | funnel-stages --stages Lead,Qualified
