# Revenue "in period k or later" means nothing: --revenue with
# --on-or-after is 64.
funnel-retention --revenue --amount amount --on-or-after data/retention/orders.csv
