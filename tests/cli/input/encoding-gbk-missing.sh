# GBK bytes read without --encoding: the header is not UTF-8; the message
# says so and suggests --encoding (exit 65).
iconv -f UTF-8 -t GBK <data/stages/chinese.csv >gbk.csv
funnel-stages --key 1 --stage 3 --stages A,B gbk.csv
