# --grid 3: cuts at the type-7 terciles.  Values 1..6: q(1/3): h = 5/3,
# 2 + 2/3 (3 - 2) = 2.667; q(2/3): h = 10/3, 4 + 1/3 = 4.333.  High from
# 4.333 (5, 6), mid from 2.667 (3, 4), low (1, 2).  Potentials 6..1 the
# other way round.  Default names VALUE/POTENTIAL.
printf '%s\n' customer,value,pot a,1,6 b,2,5 c,3,4 d,4,3 e,5,2 f,6,1 >cust.csv
funnel-segment --customer-level --value value --potential pot --grid 3 cust.csv
# The summary lists all nine cells, value high to low, then potential high
# to low; a and b are low/high, c and d mid/mid, e and f high/low.
funnel-segment --customer-level --value value --potential pot --grid 3 \
	--report summary cust.csv
# --names, 9 of them, in that order.
funnel-segment --customer-level --value value --potential pot --grid 3 \
	--names n1,n2,n3,n4,n5,n6,n7,n8,n9 cust.csv | cut -d, -f1,6
