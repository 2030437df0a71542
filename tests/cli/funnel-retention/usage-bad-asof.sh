# --asof must be a real date: 2024-02-30 does not exist, "yesterday" is no
# date: 64, with the reason.
funnel-retention --asof 2024-02-30 data/retention/orders.csv
echo "exit $?" >&2
funnel-retention --asof yesterday data/retention/orders.csv
