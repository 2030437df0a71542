# --crr makes its own table; --counts (and --cohorts recurring) do not
# apply: 64, both times.
funnel-retention --crr --counts data/retention/orders.csv
echo "exit $?"
funnel-retention --crr --cohorts recurring data/retention/orders.csv
