# A NUL byte inside a cell: 65, with a hint.
printf 'deal_id,stage\n1,Lead\n2,Le\000ad\n' | funnel-stages --stages Lead,Qualified
