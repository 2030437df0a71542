# --asof before every row: all 12 rows left out, no customer, so the
# result is the header of an empty matrix (one offset, p0).
funnel-retention --asof 2023-12-31 data/retention/orders.csv
