# --help exits 0, lists every option of funnel-cycle(1) and states the exit
# statuses and the output columns; --version names the command and the
# library.
funnel-cycle --help >help.txt
echo "help exit $?"
for o in key created closed stage status time by amount currency outcome won lost \
	percentiles survival asof at per-stage histogram summary \
	delimiter encoding date-format date-order decimal-comma skip-bad rejects format \
	precision width output verbose help usage version; do
	grep -q -- "--$o[=[ ]" help.txt || grep -q -- "--$o\$" help.txt || echo "missing --$o"
done
grep -q 'Exit status: 0 success, 64 usage error, 65 bad input data' help.txt && echo 'exit statuses listed'
tr '\n' ' ' <help.txt | tr -s ' ' | grep -q 'Output columns: \[GROUP...,\] count, mean_days, sd_days, min_days, p25_days, median_days, p75_days, p90_days, max_days' &&
	echo 'columns listed'
funnel-cycle --version | sed 's/ [0-9][0-9.]*$/ VERSION/'
