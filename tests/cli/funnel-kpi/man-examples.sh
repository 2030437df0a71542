# The EXAMPLES of funnel-kpi(1), on the bundled Maven export, with the
# numbers of examples-crontab.sh (python3 over the export) and per product
# (python3 likewise): GTK 500 40 deals, 15 open, 15 won, 10 lost, 15/25 =
# 0.6000, 15/40 = 0.3750, cycles mean 64.07, median 69.00, avg won
# 26707.47, velocity 15 x 26707.47 x 0.6 / 64.07 = 3751.83 (as
# funnel-cycle(1)'s --summary example); GTX Basic 1866, 430, 915, 521,
# 0.6372, 0.4904, 54.77, 61.00, 545.64, 2729.86. Then the history of two
# nights of EXAMPLES.
funnel-kpi examples/sales_pipeline.csv
funnel-kpi -f table examples/sales_pipeline.csv
funnel-kpi --by product examples/sales_pipeline.csv | sed -n '1,3p;$p'
funnel-kpi --check 'win_rate>=0.65' --check 'median_cycle_days<=60' \
	--check 'pipeline_value>0' examples/sales_pipeline.csv 2>&1 >/dev/null
echo $?
funnel-kpi --asof 2018-01-01 --append kpi.csv examples/sales_pipeline.csv >/dev/null
funnel-kpi --asof 2018-01-02 --append kpi.csv examples/sales_pipeline.csv >/dev/null
cut -d, -f1-6 kpi.csv
