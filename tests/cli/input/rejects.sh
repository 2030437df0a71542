# --rejects FILE keeps every skipped record byte for byte (CRLF line ends, a
# quoted field spanning two lines, a stray quote), after the header line;
# implies --skip-bad. The expected file is written here with printf.
printf 'deal_id,stage,entered_at\r\nA,Lead,2024-01-01\r\nB,"Lead\r\nnote",2025-02-30\r\nC,Lead\r\nD,Qualified,2024-01-02\r\nE,Le"ad,2024-01-01\r\nF,Lead,2024-01-03\r\n' >in.csv
printf 'deal_id,stage,entered_at\r\nB,"Lead\r\nnote",2025-02-30\r\nC,Lead\r\nE,Le"ad,2024-01-01\r\n' >want.csv
funnel-stages --rejects rej.csv --stages Lead,Qualified in.csv
cmp want.csv rej.csv && echo 'rejects: identical'
