# --help exits 0, lists every option of funnel-kpi(1) and states the exit
# statuses (1 for a failed check among them) and the output columns;
# --version names the command and the library.
funnel-kpi --help >help.txt
echo "help exit $?"
for o in key stage status created closed amount by won lost stages \
	probabilities asof orders period append replace-date no-replace-date \
	check delimiter encoding date-format date-order decimal-comma skip-bad rejects \
	format precision width output verbose help usage version; do
	grep -q -- "--$o[=[ ]" help.txt || grep -q -- "--$o\$" help.txt || echo "missing --$o"
done
tr '\n' ' ' <help.txt | tr -s ' ' | grep -q 'Exit status 1 means a --check failed' && echo 'check status listed'
tr '\n' ' ' <help.txt | tr -s ' ' | grep -q 'Exit status: 0 success, 64 usage error, 65 bad input data' && echo 'exit statuses listed'
tr '\n' ' ' <help.txt | tr -s ' ' | grep -q 'Output columns: date, \[GROUP...,\] deals, open, won, lost, win_rate, conversion, mean_cycle_days, median_cycle_days, pipeline_value, weighted_pipeline, avg_won_amount, sales_velocity \[, retention_rate, active_customers with --orders\]' &&
	echo 'columns listed'
funnel-kpi --version | sed 's/ [0-9][0-9.]*$/ VERSION/'
