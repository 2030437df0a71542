# --revenue and --counts ask for two different cells: 64.
funnel-retention --revenue --amount amount --counts data/retention/orders.csv
