# Header only in JSON: undefined rates are null.
printf 'deal_id,stage\n' | funnel-stages -f json --stages Lead,Qualified
