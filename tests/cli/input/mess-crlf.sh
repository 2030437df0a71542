# CRLF line ends: the CR is not part of the last field ("Lead", not
# "Lead\r"). Hand count: 1 Lead, 2 Qualified, 3 Lead.
printf 'deal_id,stage\r\n1,Lead\r\n2,Qualified\r\n3,Lead\r\n' | funnel-stages --stages Lead,Qualified
