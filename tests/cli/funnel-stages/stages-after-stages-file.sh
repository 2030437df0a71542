# --stages after --stages-file replaces the order (funnel-stages(1): "Given
# again, replaces the order"); the file's aliases point into the old order
# and must not survive (or the mix must be refused with 64). Once the alias
# W=D (4th stage) was applied to a 1-stage order: heap corruption, abort.
# Both acceptable outcomes are normalised to one line; the hand count for a
# clean replacement is "A,1" (the two W rows are outside the funnel), with
# no times (median_days, mean_days empty) and no bottleneck (one stage).
printf '%s\n' A B C D 'W=D' >st.txt
printf '%s\n' deal_id,stage 1,W 2,W 3,A >in.csv
funnel-stages --stages-file st.txt --stages A in.csv >out.csv 2>err.txt
status=$?
if [ $status = 64 ]; then
	echo 'old aliases not applied'
elif [ $status = 0 ] && grep -qx 'A,1,1.0000,1.0000,0,0,,,0' out.csv && [ "$(wc -l <out.csv)" = 2 ]; then
	echo 'old aliases not applied'
else
	echo "exit $status"; cat out.csv
fi
