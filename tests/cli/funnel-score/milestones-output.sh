# The milestone report as a user pipes it.  A reader that goes away
# (| head) ends the run quietly, by SIGPIPE (status 141 in sh): nothing on
# stderr, not 74; 5,000 deals make ~360 kB, more than a pipe holds.  A
# full disk is an error (74); a deals file that cannot be opened is 66.
# Each deal at Discovery without evidence: 0 of 1 (pain), next sponsor;
# budget.
S=Lead,Discovery,Qualification,Proposal,Negotiation
M=data/score/milestones.csv
awk 'BEGIN { print "id,stage"; for (i = 0; i < 5000; i++) printf "d%04d,Discovery\n", i }' >many.csv
{ funnel-score -k id --report milestones --milestones $M -S $S \
	--evidence data/score/evidence.csv many.csv; echo "status $?" >status.txt; } |
head -2
cat status.txt
funnel-score -k id --report milestones --milestones $M -S $S \
	--evidence data/score/evidence.csv many.csv >/dev/full
echo "exit $?"
funnel-score -k id --report milestones --milestones $M -S $S \
	--evidence data/score/evidence.csv nosuch.csv
echo "exit $?"
