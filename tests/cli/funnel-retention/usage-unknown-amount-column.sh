# --amount naming a column that is not there: 64, the headers listed.
funnel-retention --revenue --amount price data/retention/orders.csv
