# LATIN1 bytes read as UTF-8 (no --encoding): 65, the bad bytes shown
# escaped, and a hint.
printf 'deal_id,stage\n1,Prospect\n2,Qualifi\351\n' >latin1.csv
funnel-stages --stages Prospect,Qualifié latin1.csv
