# Bad data (65), a missing file (66), a full disk (74), empty input.
printf '%s\n' customer_id,order_date,amount A,2024-01-01,12 A,2024-02-30,3 >bad.csv
funnel-segment bad.csv
echo "exit $?"
printf '%s\n' customer_id,order_date,amount A,2024-01-01,abc >bad.csv
funnel-segment bad.csv
echo "exit $?"
funnel-segment no-such.csv
echo "exit $?"
funnel-segment data/segment/orders.csv >/dev/full 2>/dev/null
echo "exit $?"
# Header only: an empty table.
printf '%s\n' customer_id,order_date,amount | funnel-segment
echo "exit $?"
# A customer whose every amount is blank has no value: blank cells, left
# out of the cuts; the warning counts its rows.
printf '%s\n' customer_id,order_date,amount A,2024-01-01,12 B,2024-01-02, \
	B,2024-01-03, | funnel-segment --method abc
# Two potentials for one customer in the orders: 65 at the second.
printf '%s\n' customer_id,order_date,amount,score A,2024-01-01,12,3 \
	A,2024-01-02,5,4 | funnel-segment --potential score
echo "exit $?"
