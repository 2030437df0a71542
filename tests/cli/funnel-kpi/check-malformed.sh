# A malformed check is a usage error (64), nothing on stdout: no operator
# or an unknown one (=>), no name, no number, a number that is not one,
# a currency amount.
for e in 'win_rate=>0.25' win_rate '>=0.25' 'win_rate>=' 'win_rate>=abc' 'pipeline_value>=$5'; do
	funnel-kpi --check "$e" data/kpi/deals.csv
	echo "exit $?"
done
