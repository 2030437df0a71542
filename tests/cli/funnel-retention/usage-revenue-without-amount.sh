# --revenue without --amount: 64; revenue needs the column named.
funnel-retention --revenue data/retention/orders.csv
