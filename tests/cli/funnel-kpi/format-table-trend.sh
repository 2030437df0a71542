# -f table with --append: the previous value of each KPI is that of the
# latest history row dated before this one (for the same group): here the
# 2025-03-14 row written by hand below, not the 03-01 one nor the 03-20
# one, whatever their order in the file. The arrow compares the value with
# it: up, down, same; none when either is undefined (weighted_pipeline
# was empty). Only values that differ, or that are equal exactly (counts,
# 30.00 = 30 days, 12000.00), are compared here: see
# BUG-table-trend-unchanged.sh.
#   deals 12 vs 10 up; open 5 = 5; won 3 = 3; lost 4 vs 3 up;
#   win_rate 42.9% vs 50.0% down; conversion 25.0% vs 20.0% up;
#   mean 31.33 vs 35.00 down; median 30.00 = 30.00; pipeline 87000.00 vs
#   90000.00 down; weighted vs nothing; avg won 12000.00 = 12000.00;
#   velocity 820.67 vs 800.00 up.
# The row is appended all the same: 4 rows after the header.
{
	echo 'date,deals,open,won,lost,win_rate,conversion,mean_cycle_days,median_cycle_days,pipeline_value,weighted_pipeline,avg_won_amount,sales_velocity'
	echo '2025-03-20,99,99,99,99,0.9900,0.9900,99.00,99.00,99.00,99.00,99.00,99.00'
	echo '2025-03-14,10,5,3,3,0.5000,0.2000,35.00,30.00,90000.00,,12000.00,800.00'
	echo '2025-03-01,1,1,1,1,0.0100,0.0100,1.00,1.00,1.00,1.00,1.00,1.00'
} >hist.csv
funnel-kpi -f table --append hist.csv data/kpi/deals.csv
tail -n +2 hist.csv | cut -d, -f1
