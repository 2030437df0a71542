# A GBK export without --encoding in funnel-retention: the header is not
# UTF-8: 65 with a hint. With --encoding GBK (columns by number): customer
# 甲 in January and on 2024-02-29 (February ended): p1 1/1.
printf '客户,日期\n甲,2024-01-05\n甲,2024-02-29\n' | iconv -f UTF-8 -t GBK >gbk.csv
funnel-retention -k 1 -t 2 gbk.csv
echo "exit $?"
funnel-retention --encoding GBK -k 1 -t 2 gbk.csv
