# --max-periods takes a whole number, 0 or more: -1 and "two" are 64.
funnel-retention --max-periods=-1 data/retention/orders.csv
echo "exit $?" >&2
funnel-retention -n two data/retention/orders.csv
