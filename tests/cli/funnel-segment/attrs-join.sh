# --attrs: a customer table whose columns are --by and --potential.  The
# key column is found by the orders' key name; tier comes from the table,
# the orders carry no tier.
printf '%s\n' customer_id,order_date,amount A,2024-01-01,100 B,2024-01-02,50 \
	C,2024-01-03,80 A,2024-01-04,20 D,2024-01-05,10 >orders.csv
printf '%s\n' customer_id,tier,headcount A,gold,10 B,gold,500 C,silver,40 \
	D,silver, >attrs.csv
# gold: A 120, B 50 (median 85: A high); headcount 10, 500 (median 255: B
# high): A maintain, B develop.  silver: C 80, D 10 (median 45: C high);
# headcount 40 (D has none: no potential, no segment): C high (40 >= 40)
# key.
funnel-segment --attrs attrs.csv -b tier --potential headcount orders.csv
# --attrs-key names another column.  Potential is frequency here: in
# silver C and D have one order each, so the median leaves low empty (a
# warning).
sed 's/^customer_id/cust/' attrs.csv >attrs2.csv
funnel-segment --attrs attrs2.csv --attrs-key cust -b tier orders.csv | head -2
# A customer of the orders missing from the table: 65, naming it and the
# line.
printf '%s\n' E,2024-01-06,5 >>orders.csv
funnel-segment --attrs attrs.csv -b tier orders.csv
echo "exit $?"
# Listed twice in the table: 65 at the second line.
printf '%s\n' A,bronze,1 >>attrs.csv
funnel-segment --attrs attrs.csv -b tier orders.csv
echo "exit $?"
