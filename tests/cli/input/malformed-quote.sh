# A quote inside an unquoted field: 65, naming the line and field.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Le"ad' | funnel-stages --stages Lead,Qualified
