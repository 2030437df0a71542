# RFM per group, by hand, --bins 2, as of 2024-01-31.  North: A one order
# of 10 on Jan 21 (10 days); B two of 10, last Jan 11 (20 days); C three
# of 20, last Jan 1 (30 days).  South: D one of 50 on Jan 26 (5 days).
printf '%s\n' customer_id,order_date,amount,region A,2024-01-21,10,North \
	B,2024-01-05,10,North B,2024-01-11,10,North C,2023-12-01,20,North \
	C,2023-12-15,20,North C,2024-01-01,20,North D,2024-01-26,50,South \
	E,2024-02-02,99,South >orders.csv
# North: recency 10 20 30, q(.5) = 20, cut 21: bins [10, 21) [21, 31); A
# and B in bin 1, r = 2 + 1 - 1 = 2; C r = 1.  Frequency 1 2 3, cut 3:
# A, B f 1, C 2.  Monetary 10 20 60, cut 21: A, B m 1, C 2.  A 211, B
# 211, C 122.  South: D alone: the cut is 5 + 1, bins [5, 6) [6, 6): D
# in bin 1, 211, and each dimension's bin 2 holds nobody (said with -v).
# E's order after --asof is left out (a warning).
funnel-segment --method rfm --asof 2024-01-31 --bins 2 -b region orders.csv
funnel-segment --method rfm --asof 2024-01-31 --bins 2 -b region -v \
	orders.csv 2>&1 >/dev/null | grep nobody
# --global-cuts: the four together.  Recency 5 10 20 30, q(.5) = 15, cut
# 16: A, D r 2; B, C r 1.  Frequency 1 1 2 3, q(.5) = 1.5, cut 2.5: C
# f 2, the others 1.  Monetary 10 20 50 60, q(.5) = 35, cut 36: C, D m 2.
# A 211, B 111, C 122, D 212.
funnel-segment --method rfm --asof 2024-01-31 --bins 2 -b region \
	--global-cuts orders.csv 2>/dev/null
# Thresholds per group (the same for both with --global-cuts).
funnel-segment --method rfm --asof 2024-01-31 --bins 2 -b region \
	--report thresholds orders.csv 2>/dev/null
