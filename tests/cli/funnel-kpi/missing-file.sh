# An input file that does not exist: 66, and no history is written.
funnel-kpi --append hist.csv no-such.csv
echo "exit $?"
[ -e hist.csv ] || echo "no history"
