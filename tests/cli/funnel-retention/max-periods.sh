# --max-periods N shows offsets 0 to N only; the cells kept are those of
# month-first.sh (hand count there).  -n 0 leaves p0 alone.
funnel-retention --max-periods 1 data/retention/orders.csv
funnel-retention -n 0 data/retention/orders.csv
