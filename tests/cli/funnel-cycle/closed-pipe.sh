# A reader that goes away (| head) ends the run quietly, by SIGPIPE (status
# 141 in sh): nothing on stderr, not 74. 30000 deals in 30000 groups make a
# report of ~1.5 MB, far more than a pipe holds.
awk 'BEGIN { print "id,created_at,close_date,stage,team"; for (i = 1; i <= 30000; i++) print i ",2024-01-01,2024-01-05,Won,t" i }' >big.csv
{ funnel-cycle --by team big.csv; echo "status $?" >status.txt; } |
head -c 10
echo
cat status.txt
