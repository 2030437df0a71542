# A check compares the value as the result writes it (csv: the column's
# digits, or -p's), against a threshold that is a plain number.
# 1) open deals of 1.10 and 2.20 (and a won and a lost deal, without
#    amounts, for a win rate): pipeline_value is written 3.30 (the sum
#    of the doubles is 3.3000000000000003): <=3.30 and ==3.3 hold, <3.3
#    fails saying 3.3 == 3.3. Before, <=3.30 failed as "3.3 > 3.3".
# 2) data/kpi/deals.csv: win_rate 3/7 = 0.428571..., written 0.4286:
#    >=0.4286 holds (it failed, "0.4286 < 0.4286"); with -p 2 it is 0.43
#    (==0.43 and >=0.4286 hold), with -p 1 0.4, which fails both.
# 3) a threshold is a sign, digits, a point and digits, an exponent:
#    +0.25, -3, 1e3 (0.4286 < 1000: exit 1) and 2.5E-1 are numbers;
#    (0.5) (an accounting negative, read as -0.5 before, so that
#    win_rate>=(0.5) passed), 1,000, 50%, .5, 5., 0x10, inf, nan, 1e999
#    (not finite) and 1e are not: usage error 64 naming the text.
printf 'id,status,amount\n1,open,1.10\n2,open,2.20\n3,won,\n4,lost,\n' >open.csv
for e in 'pipeline_value<=3.30' 'pipeline_value==3.3' 'pipeline_value<3.3'; do
	funnel-kpi --asof 2025-01-01 --check "$e" open.csv >/dev/null
	echo "$e: exit $?"
done
funnel-kpi --check 'win_rate>=0.4286' data/kpi/deals.csv >/dev/null
echo "exit $?"
for p in 2 1; do
	funnel-kpi -p $p --check 'win_rate==0.43' --check 'win_rate>=0.4286' \
		data/kpi/deals.csv >out.csv
	echo "exit $?"
	cut -d, -f6 out.csv
done
for n in +0.25 -3 1e3 2.5E-1; do
	funnel-kpi --check "win_rate>=$n" data/kpi/deals.csv >/dev/null 2>&1
	echo "$n: exit $?"
done
for n in '(0.5)' 1,000 50% .5 5. 0x10 inf nan 1e999 1e; do
	funnel-kpi --check "win_rate>=$n" data/kpi/deals.csv
	echo "exit $?"
done
