# With --by a check is tested on every row; one line per failing row, which
# names its group (values of by-region.sh):
#   win_rate>=0.4: North 0.5000 and all 0.4286 pass, South 0.3333 fails
#   median_cycle_days<=20: North 40.00 fails, South 14.00 passes, all 30.00
#   fails
funnel-kpi --by region --check 'win_rate>=0.4' --check 'median_cycle_days<=20' \
	data/kpi/deals.csv >/dev/null
echo "exit $?"
