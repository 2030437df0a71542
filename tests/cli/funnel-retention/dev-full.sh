# Writing the result to a full disk is an error (74, a message), not
# silence.
funnel-retention data/retention/orders.csv >/dev/full
echo "exit $?"
