# NRR counts expansion, GRR does not.  January: P 100, Q 100, R 50.
# February: P 150 (expansion), Q 80 and a refund of -20 = 60
# (contraction), R gone, S new with 500 (not in the base).
# Feb: S 3, N 1, E 3 {P,Q,S}, retained 2: crr (3-1)/3, retention 2/3,
# churn 1/3.  nrr (150+60)/250 = 0.84; grr (min(150,100)+min(60,100))/250
# = 160/250 = 0.64.  --asof 2024-02-29 (the leap day) ends February.
printf '%s\n' 'customer_id,order_date,amount' 'P,2024-01-10,100' 'Q,2024-01-15,100' \
	'R,2024-01-20,50' 'P,2024-02-10,150' 'Q,2024-02-15,80' 'Q,2024-02-16,-20' \
	'S,2024-02-05,500' | funnel-retention --crr --amount amount --asof 2024-02-29
