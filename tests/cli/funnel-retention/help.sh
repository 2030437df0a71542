# --help exits 0, lists every option of funnel-retention(1) and states the
# exit statuses; --version names the command and the library.
funnel-retention --help >help.txt
echo "help exit $?"
for o in key time amount currency by until period week-start cohorts on-or-after counts \
	revenue max-periods asof crr delimiter encoding date-format date-order decimal-comma \
	skip-bad rejects format precision width output verbose help usage version; do
	grep -q -- "--$o[=[ ]" help.txt || grep -q -- "--$o\$" help.txt || echo "missing --$o"
done
grep -q 'Exit status: 0 success, 64 usage error, 65 bad input data' help.txt && echo 'exit statuses listed'
funnel-retention --version | sed 's/ [0-9][0-9.]*$/ VERSION/'
