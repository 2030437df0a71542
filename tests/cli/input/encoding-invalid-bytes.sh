# Bytes that are not valid in the --encoding given (GBK lead byte 0x81
# followed by a line end) stop the run with the line they are on: 65.
printf 'deal_id,stage\n1,Lead\n2,\201\n3,Lead\n' | funnel-stages --encoding GBK --stages Lead,Qualified
