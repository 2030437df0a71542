# UTF-16 without a byte order mark is not guessed; its NUL bytes are
# reported with a hint: 65.
printf 'deal_id,stage\n1,Lead\n' | iconv -f UTF-8 -t UTF-16LE >u16.csv
funnel-stages --stages Lead,Qualified u16.csv
