# A reader that goes away (| head) ends the run quietly, by SIGPIPE (status
# 141 in sh): nothing on stderr, not 74. 5000 deals in 5000 groups make a
# report of some 400 kB, far more than a pipe holds.
awk 'BEGIN { print "id,stage,created_at,close_date,team"
	for (i = 1; i <= 5000; i++) print i ",Won,2024-01-01,2024-01-05,t" i }' >big.csv
{ funnel-kpi --by team big.csv; echo "status $?" >status.txt; } | head -c 10
echo
cat status.txt
