# The average won amount does not depend on the order of the rows: amounts
# of at most three decimals are added as exact numbers of thousandths.  Won
# deals: one of 10^15 and 1,000 of 0.01, each cent lost in a floating sum
# after 10^15 (whose ulp is 0.125).  By hand: (10^15 + 10) / 1001 =
# 999000999001.00899... -> 999000999001.01 (999000999000.999 without the
# cents); every cycle is 10 days; one lost deal: win rate 1001/1002.  The
# same rows big amount first, last and shuffled (shuf, a fixed random
# source) give the same bytes.  No deal is open: the velocity is 0.
awk 'BEGIN { print "id,created_at,close_date,stage,amount"
	print "big,2024-01-01,2024-01-11,Won,1000000000000000"
	for (i = 0; i < 1000; i++) printf "w%d,2024-01-01,2024-01-11,Won,0.01\n", i
	print "lost,2024-01-01,2024-01-05,Lost," }' >first.csv
{ head -1 first.csv; tail -n +3 first.csv; sed -n 2p first.csv; } >last.csv
yes | head -c 1000000 >random
{ head -1 first.csv; tail -n +2 first.csv | shuf --random-source=random; } >shuffled.csv
for f in first last shuffled; do
	funnel-cycle --summary --amount amount $f.csv
done
