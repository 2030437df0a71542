# An error in the second of two files names that file and its own line.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Lead' >a.csv
printf '%s\n' 'stage,deal_id' 'Lead,3' 'Lead,' >b.csv
funnel-stages --stages Lead,Qualified a.csv b.csv
