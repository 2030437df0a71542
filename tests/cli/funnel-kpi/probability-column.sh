# --probability COL: each open deal's own probability, a column of
# fractions or of percentages (one scale a column: a bare number above 1
# makes it percentages; 0 and 1 follow the others; 25% is a percentage
# anywhere).  Open deals 1,000 / 2,000 / 4,000:
# 1) percentages 10, 1, 50%: 100 + 20 + 2,000 = 2120.00 (1 is 1%)
# 2) fractions 0.1, 1, 0.5: 100 + 2,000 + 2,000 = 4100.00 (1 is 100%)
# 3) an open deal with an empty cell has no probability: undefined, warned
# 4) 0.5 after 75: the column mixes fractions and percentages: 65 at the
#    line, naming the other; a number above 100 or not one: 65
# 5) --probability with --stages, a column that is not there: 64
h=deal_id,deal_stage,amount,p
printf '%s\n' $h w1,Won,500, l1,Lost,100,0 a,Lead,1000,10 b,Lead,2000,1 c,Lead,4000,50% >pct.csv
printf '%s\n' $h w1,Won,500, l1,Lost,100,0 a,Lead,1000,0.1 b,Lead,2000,1 c,Lead,4000,0.5 >frac.csv
printf '%s\n' $h w1,Won,500, a,Lead,1000,0.1 b,Lead,2000, >empty.csv
printf '%s\n' $h a,Lead,1000,75 b,Lead,2000,0.5 >mixed.csv
printf '%s\n' $h a,Lead,1000,150 >over.csv
printf '%s\n' $h a,Lead,1000,high >word.csv
for f in pct frac empty; do
	funnel-kpi --asof 2025-01-31 --probability p $f.csv | cut -d, -f1,10,11 | tail -n 1
done
funnel-kpi -v --asof 2025-01-31 --probability p pct.csv 2>&1 >/dev/null | grep 'weighted pipeline'
for f in mixed over word; do
	funnel-kpi --asof 2025-01-31 --probability p $f.csv
	echo "exit $?"
done
funnel-kpi --asof 2025-01-31 --probability p --stages Lead pct.csv
echo "exit $?"
funnel-kpi --asof 2025-01-31 --probability chance pct.csv
echo "exit $?"
