# Matrix cuts at the median of an even count: the mean of the middle two.
# Customer rows (--customer-level): values 10 20 30 40, median 25: c3, c4
# high; potentials 4 3 2 1 (a column), median 2.5: c1, c2 high.
# c1, c2: low value, high potential: develop; c3, c4: maintain.
printf '%s\n' account,sales,potential c1,10,4 c2,20,3 c3,30,2 c4,40,1 >cust.csv
funnel-segment --customer-level --value sales --potential potential cust.csv
# A cut on the value itself reaches it: --value-cut 30 puts c3 high; with
# q=0.75 the cut is 30 + .25 (40 - 30) = 32.5: c4 alone; with mean 25,
# as the median.
funnel-segment --customer-level --value sales --potential potential \
	--value-cut 30 cust.csv | cut -d, -f1,4
funnel-segment --customer-level --value sales --potential potential \
	--value-cut q=0.75 cust.csv | cut -d, -f1,4
# Amounts summed exactly reach a cut: 0.1 + 0.2 is 0.30000000000000004 in
# doubles, 0.3 here, and reaches --value-cut 0.3 in any case (tolerance);
# 0.29 does not.  Potential is frequency: p 2 orders, q 1, median 1.5.
printf '%s\n' customer_id,order_date,amount p,2024-01-01,0.1 p,2024-01-02,0.2 \
	q,2024-01-03,0.29 >small.csv
funnel-segment --value-cut 0.3 small.csv
