# Equal values are split by customer, bytewise ("B" < "a" < "b" < "c"),
# whatever the row order.  Four customers of 25: cum .25 .50 .75 1.
# Inclusive: A A A (.75 <= .80) C (1 > .95).  Crossing: before 0 .25 .50
# .75, all below .80: A A A A.
printf '%s\n' customer_id,order_date,amount c,2024-01-01,25 b,2024-01-02,25 \
	a,2024-01-03,25 B,2024-01-04,25 >ties.csv
funnel-segment --method abc ties.csv
funnel-segment --method abc --abc-crossing ties.csv
