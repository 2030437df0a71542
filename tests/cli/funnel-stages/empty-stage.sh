# A record with an empty stage (no stage-date columns to fall back on): 65.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,' | funnel-stages --stages Lead,Qualified
