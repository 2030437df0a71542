# -o and pipes as for every report: -o writes the file (atomically, and
# nothing on stdout); a reader that goes away (| head) ends the run
# quietly (141, nothing on stderr); a full disk is an error (74).
# 5000 deals of 1 at Demo 50% in 5000 groups make a report of ~100 kB.
printf '%s\n' id,stage,amount a,Demo,1000 >d.csv
funnel-score --forecast --stage-prob Demo=50% -o out.csv d.csv
echo "exit $?"
cat out.csv
awk 'BEGIN { print "id,stage,amount,team"
	for (i = 1; i <= 5000; i++) print i ",Demo,1,t" i }' >big.csv
{ funnel-score --report forecast-deals --stage-prob Demo=50% -b team big.csv
  echo "status $?" >status.txt; } | head -c 10
echo
cat status.txt
funnel-score --forecast --stage-prob Demo=50% d.csv >/dev/full
echo "exit $?"
