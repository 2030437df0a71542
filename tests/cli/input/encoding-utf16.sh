# A UTF-16 file with its byte order mark (Excel "Unicode text") is converted
# without asking. Hand count: 1 Lead, 2 Qualified, 3 Lead.
printf 'deal_id,stage\r\n1,Lead\r\n2,Qualified\r\n3,Lead\r\n' | iconv -f UTF-8 -t UTF-16 >u16.csv
funnel-stages --stages Lead,Qualified u16.csv
