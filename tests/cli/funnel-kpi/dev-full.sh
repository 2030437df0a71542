# Writing the result to a full disk is an error (exit 74, a message), not
# silence. With --append the history is written first, so it keeps the
# row though standard output failed (values of kpis-hand-worked.sh).
funnel-kpi data/kpi/deals.csv >/dev/full
echo "exit $?"
funnel-kpi --append hist.csv data/kpi/deals.csv >/dev/full
echo "exit $?"
cat hist.csv
