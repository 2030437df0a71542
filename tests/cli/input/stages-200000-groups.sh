# 200,000 distinct --by groups, one deal each: even deals at Lead, odd ones
# at Qualified (which passes through Lead). Each group gives one line per
# stage, groups sorted by name: 1 + 2 x 200,000 = 400,001 lines. Only the
# first and last groups are shown, without the p_value columns.
python3 -c '
import sys
w = sys.stdout.write
w("deal_id,stage,region\n")
for i in range(200000):
    w("%d,%s,g%06d\n" % (i, "Qualified" if i % 2 else "Lead", i))' >deals.csv
funnel-stages --by region --stages Lead,Qualified deals.csv >out.csv
echo "exit $?"
wc -l <out.csv
head -n 3 out.csv | cut -d, -f1-10
tail -n 2 out.csv | cut -d, -f1-10
