# A check naming no KPI of the result is a usage error (64), found before
# anything is written: nothing on stdout, no history (not even its lock
# file), even beside a check that fails. retention_rate exists only with
# --orders; date and the --by columns are no KPIs.
funnel-kpi --check 'win_ratio>=0.25' --append hist.csv data/kpi/deals.csv
echo "exit $?"
funnel-kpi --check 'win_rate>=0.9' --check 'retention_rate>=0.5' --append hist.csv data/kpi/deals.csv
echo "exit $?"
funnel-kpi --check 'date>=1' data/kpi/deals.csv
echo "exit $?"
funnel-kpi --by region --check 'region==1' data/kpi/deals.csv
echo "exit $?"
ls hist* 2>/dev/null || echo "no history"
