# A reader that goes away (| head) ends the run quietly, by SIGPIPE (status
# 141 in sh; funnel-stages(1), EXIT STATUS): nothing on stderr, not 74.
# 30000 deals in 30000 groups make a report of ~1.5 MB, far more than a pipe
# holds, so funnel-stages really writes into the closed pipe.
awk 'BEGIN { print "deal_id,stage,team"; for (i = 1; i <= 30000; i++) print i ",Lead,t" i }' >big.csv
{ funnel-stages --by team --stages Lead,Qualified big.csv; echo "status $?" >status.txt; } |
head -c 10
echo
cat status.txt
