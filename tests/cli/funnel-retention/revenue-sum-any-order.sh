# Revenue sums do not depend on the order of the rows: amounts of at most
# three decimals are added as exact numbers of thousandths.  Two ways a
# floating sum loses cents to a big amount's rounding (ulp 1.5e-5 at 10^11):
# - within one customer's month: a in January orders 100,000,000,000, then
#   100,000 times 0.01, and is refunded -100,000,000,000: 1000.00 by hand
#   (999.45 summed in that order); in February a spends 1000.
# - across the customers of a cohort: in March "big" orders 10^11, c0 ..
#   c99999 0.01 each and "refund" -10^11: the cohort's March revenue is
#   1000.00 by hand; in April c0 spends 1000.
# So --revenue: January's p1 = 1000 / 1000 = 1.0000 (not 1.0005), March's
# p1 = 1000 / 1000 = 1.0000, later offsets 0; the all row's p1 = (1000 +
# 1000) / (1000 + 1000) = 1.0000.  --crr: February's nrr = grr = 1000/1000
# = 1.0000, March's 0 (a is gone); April's nrr = 1000/1000 = 1.0000 and
# grr caps each customer of March at its March revenue: c0 min(1000, 0.01),
# big min(0, 10^11) = 0, refund min(0, -10^11): (0.01 - 10^11) / 1000 =
# -99999999.99999 -> -100000000.0000; May's 0 (c0 is gone).
# The rows big amounts first, last and shuffled (shuf, a fixed random
# source) give the same bytes.  A May order ends April.
awk 'BEGIN { print "customer_id,order_date,amount"
	print "a,2025-01-05,100000000000"
	for (i = 0; i < 100000; i++) print "a,2025-01-06,0.01"
	print "a,2025-01-07,-100000000000"
	print "a,2025-02-01,1000"
	print "big,2025-03-01,100000000000"
	for (i = 0; i < 100000; i++) printf "c%d,2025-03-02,0.01\n", i
	print "refund,2025-03-03,-100000000000"
	print "c0,2025-04-01,1000"
	print "z,2025-05-31,1" }' >first.csv
# The cents first, then the big amounts.
{ head -1 first.csv; grep ',0.01$' first.csv; grep -v ',0.01$' first.csv | tail -n +2; } >last.csv
yes | head -c 1000000 >random
{ head -1 first.csv; tail -n +2 first.csv | shuf --random-source=random; } >shuffled.csv
for f in first last shuffled; do
	funnel-retention --revenue --amount amount $f.csv >$f-revenue.txt
	funnel-retention --crr --amount amount $f.csv | cut -d, -f1,9,10 >$f-crr.txt
done
cat first-revenue.txt first-crr.txt
cmp first-revenue.txt last-revenue.txt && cmp first-revenue.txt shuffled-revenue.txt &&
	cmp first-crr.txt last-crr.txt && cmp first-crr.txt shuffled-crr.txt && echo same bytes
