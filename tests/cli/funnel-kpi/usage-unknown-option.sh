# An unknown option, or an option without its value: usage error (64),
# argp's message and hint; nothing on stdout.
funnel-kpi --bogus data/kpi/deals.csv
echo "exit $?"
funnel-kpi data/kpi/deals.csv --check
echo "exit $?"
