# --check EXPR thresholds, a worked example: 100 deals, 21 won and 79
# lost, every one 30 days from created to closed:
#   win_rate 21/100 = 0.2100, conversion 0.2100, mean = median 30.00;
#   no open deal: pipeline and weighted 0.00; no amount column: avg won
#   and velocity undefined; date 2025-01-31.
# 1) win_rate>=0.25 fails, median_cycle_days<=60 passes: the row is
#    written first, then one line on stderr "check failed: win_rate 0.21 <
#    0.25" (the value as written, less its trailing zeros), exit 1.
# 2) two failing checks: one line each, in the order given.
# 3) a failing check does not stop the history: the row is kept, exit 1.
# 4) all pass (each operator once; spaces around it allowed): exit 0.
awk 'BEGIN { print "id,stage,created_at,close_date"
	for (i = 1; i <= 100; i++) print "d" i "," (i <= 21 ? "Won" : "Lost") ",2025-01-01,2025-01-31" }' >deals.csv
funnel-kpi --check 'win_rate>=0.25' --check 'median_cycle_days<=60' deals.csv 2>&1
echo "exit $?"
funnel-kpi --check 'win_rate>=0.25' --check 'median_cycle_days<=20' deals.csv >/dev/null
echo "exit $?"
funnel-kpi --check 'win_rate>=0.25' --append hist.csv deals.csv >/dev/null 2>&1
echo "exit $?"
cat hist.csv
funnel-kpi --check 'win_rate>=0.2' --check 'deals==100' --check 'lost != 0' \
	--check 'conversion<0.25' --check 'mean_cycle_days > 29.5' \
	--check 'open<=0' deals.csv >/dev/null
echo "exit $?"
