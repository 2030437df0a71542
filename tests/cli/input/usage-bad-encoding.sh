# --encoding that iconv does not know: 64.
funnel-stages --encoding NO-SUCH-CHARSET --stages Lead,Qualified <data/stages/snapshot.csv
