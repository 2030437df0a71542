# Sums of amounts do not depend on the order of the rows: amounts of at
# most three decimals are added as exact numbers of thousandths.  Open
# deals: one of 100,000,000,000 and 100,000 of 0.01; added in floating
# point the cents vanish one by one into the big amount's rounding when it
# comes first (100000000999.45), and not when it comes last.  By hand:
# pipeline_value = 100,000,000,000 + 100,000 x 0.01 = 100000001000.00;
# the win rate is 1001 won / (1001 + 1001 lost) = 0.5, so
# weighted_pipeline = 0.5 x 100000001000 = 50000000500.00.  Won deals: one
# of 10^15 and 1,000 of 0.01 (each lost in a floating sum after 10^15,
# whose ulp is 0.125): avg_won_amount = (10^15 + 10) / 1001 =
# 999000999001.00899... -> 999000999001.01 (999000999000.999 without the
# cents).  The same rows big amounts first, last, and shuffled (shuf with
# a fixed random source) give the same bytes.
awk 'BEGIN { print "id,stage,amount"
	print "open-big,Proposal,100000000000"
	for (i = 0; i < 100000; i++) printf "open%d,Proposal,0.01\n", i
	print "won-big,Won,1000000000000000"
	for (i = 0; i < 1000; i++) printf "won%d,Won,0.01\n", i
	for (i = 0; i < 1001; i++) printf "lost%d,Lost,\n", i }' >first.csv
{ head -1 first.csv; tail -n +2 first.csv | sort -t, -k3,3n -s; } >last.csv
yes | head -c 1000000 >random
{ head -1 first.csv; tail -n +2 first.csv | shuf --random-source=random; } >shuffled.csv
funnel-kpi --asof 2025-01-01 first.csv | cut -d, -f1-7,10-12
funnel-kpi --asof 2025-01-01 last.csv | cut -d, -f1-7,10-12 | tail -n 1
funnel-kpi --asof 2025-01-01 shuffled.csv | cut -d, -f1-7,10-12 | tail -n 1
