# --attrs has reading options of its own, and its messages name them.
printf 'customer_id,order_date,amount\nC1,2024-01-01,10\nC2,2024-01-02,30\nC3,2024-01-03,60\n' >orders.csv
# A GBK table, ';'-delimited: 65 naming --attrs-encoding; with it, read.
# ABC per region: East C1 10 + C3 60 = 70: C3 60/70 = 0.857 > 0.8 is B
# (inclusive rule), C1 cum 1.0 is C; North C2 alone: 1.0, C.
printf 'customer_id;region\nC1;华东\nC2;华北\nC3;华东\n' | iconv -f UTF-8 -t GBK >attrs.csv
funnel-segment --method abc --attrs attrs.csv --by region orders.csv
echo "exit $?"
funnel-segment --method abc --attrs attrs.csv --attrs-encoding GBK \
	--attrs-delimiter ';' --by region orders.csv
# A customer column by another name: the message names --attrs-key.
printf 'cust,region\nC1,E\nC2,N\nC3,E\n' >attrs2.csv
funnel-segment --method abc --attrs attrs2.csv --by region orders.csv
echo "exit $?"
# A reading option without the file: 64.
funnel-segment --method abc --attrs-encoding GBK orders.csv
echo "exit $?"
