# --help exits 0, lists every option of funnel-stages(1) and states the exit
# statuses; --version names the command and the library.
funnel-stages --help >help.txt
echo "help exit $?"
for o in key stage time status by stage-date stages stages-file lost won mode \
	delimiter encoding date-format date-order decimal-comma skip-bad rejects format \
	precision width output verbose help usage version; do
	grep -q -- "--$o[=[ ]" help.txt || grep -q -- "--$o\$" help.txt || echo "missing --$o"
done
grep -q 'Exit status: 0 success, 64 usage error, 65 bad input data' help.txt && echo 'exit statuses listed'
funnel-stages --version | sed 's/ [0-9][0-9.]*$/ VERSION/'
