# Writing the report to a full disk is an error (exit 74, message on
# stderr), not silence.
funnel-cycle --by sales_agent data/cycle/g3.csv >/dev/full
echo "exit $?"
