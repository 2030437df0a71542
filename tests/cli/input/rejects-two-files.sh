# --rejects over two files: each file's header line goes first, before that
# file's rejected records, byte for byte (LF in one file, CRLF in the
# other). Hand count over the good rows: 1 Lead, 2 Lead.
printf '%s\n' 'deal_id,stage' '1,Lead' ',Lead' >a.csv
printf '%s\r\n' 'stage,deal_id' 'Lead,2' 'Lead' >b.csv
printf 'deal_id,stage\n,Lead\nstage,deal_id\r\nLead\r\n' >want.csv
funnel-stages --rejects rej.csv --stages Lead a.csv b.csv
cmp want.csv rej.csv && echo 'rejects: identical'
