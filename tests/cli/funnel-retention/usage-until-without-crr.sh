# --until only makes sense for --crr: 64.
funnel-retention --until end_date data/retention/orders.csv
