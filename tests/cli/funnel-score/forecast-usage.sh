# Usage errors (64): an option of another report (--tiers), --period with
# forecast-deals, --prob-fraction without --prob, --close-date without
# --period, no probabilities at all, a period that is not month or
# quarter, a bad --stage-prob item; and, for the data (65), a deal listed
# twice, naming both lines (a forecast has one row per deal).
printf '%s\n' id,stage,amount a,Demo,1000 >d.csv
for opts in "--tiers 70" "--report forecast-deals --period month" \
	"--prob-fraction" "--close-date x" "--all" "--dims need"; do
	funnel-score --forecast --stage-prob Demo=50% $opts d.csv
	echo "exit $?"
done
funnel-score --forecast d.csv
echo "exit $?"
funnel-score --forecast --stage-prob Demo=50% --period week d.csv
echo "exit $?"
funnel-score --forecast --stage-prob Demo=half d.csv
echo "exit $?"
funnel-score --forecast --stage-prob Demo=50% --prob chance d.csv
echo "exit $?"
printf '%s\n' id,stage,amount a,Demo,1000 b,Demo,5 a,Lead,3 >dup.csv
funnel-score --forecast --stage-prob Demo=50%,Lead=1% dup.csv
echo "exit $?"
