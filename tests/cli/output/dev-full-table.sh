# The same with -f table and --by (a longer report): still exit 74 with one
# message.
funnel-stages -f table --by owner,region --stages Lead,Qualified,Proposal,Won \
	<data/stages/snapshot.csv >/dev/full
echo "exit $?"
