# --probabilities needs --stages (the stages a deal's stage is matched
# against): a usage error (64). A line that is not "stage,probability" with
# a probability from 0 to 1 (or 0% to 100%) is a usage error naming the
# file and line: 150% (line 2), no comma (line 3), not a number after a
# first line (line 3; a first line that fails is taken for a header). A
# file that cannot be opened: 66.
funnel-kpi --probabilities data/kpi/probabilities.csv data/kpi/deals.csv
echo "exit $?"
printf '%s\n' stage,probability 'Lead,150%' >p1.csv
printf '%s\n' '# weights' Lead,0.1 'Qualified 0.2' >p2.csv
printf '%s\n' Lead,0.1 Qualified,0.2 Proposal,half >p3.csv
for f in p1.csv p2.csv p3.csv; do
	funnel-kpi --stages Lead,Qualified,Proposal --probabilities $f data/kpi/deals.csv
	echo "exit $?"
done
funnel-kpi --stages Lead --probabilities no-such.csv data/kpi/deals.csv
echo "exit $?"
