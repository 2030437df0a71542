# -o FILE writes the row there, atomically (nothing on stdout), also with
# --append and a failing check (exit 1 after both are written). An -o in a
# directory that does not exist: 74.
funnel-kpi -o kpi.csv --append hist.csv --check 'win_rate>=0.5' data/kpi/deals.csv
echo "exit $?"
cat kpi.csv
cmp kpi.csv hist.csv && echo "same as the history"
funnel-kpi -o no-such-dir/kpi.csv data/kpi/deals.csv
echo "exit $?"
ls kpi* hist*
