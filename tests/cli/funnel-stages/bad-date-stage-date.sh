# An invalid date in a --stage-date column: 65, naming that column.
printf '%s\n' 'deal_id,stage,qualified_on' '1,Lead,' '2,Lead,2024-02-31' | funnel-stages --stage-date Qualified=qualified_on --stages Lead,Qualified
