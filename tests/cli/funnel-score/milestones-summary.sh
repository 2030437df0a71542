# --report milestones-summary: per --by group, the open deals, those that
# meet every criterion so far (required > 0 and done = required), and the
# mean completeness of the deals with criteria.  From milestones-deals:
#   North: D1 1/1, L1 0/0, P1 3/3 -> deals 3, complete 2 (L1 has none),
#          mean (1 + 1) / 2 = 1
#   South: N1 1/4, Q1 2/3, Q2 0/3 -> deals 3, complete 0,
#          mean (1/4 + 2/3 + 0) / 3 = (3/12 + 8/12) / 3 = 11/36 = 0.30556
#   all:   deals 6, complete 2, mean (1 + 1 + 1/4 + 2/3 + 0) / 5
#          = (2 + 11/12) / 5 = 35/60 = 0.58333
funnel-score -k id --report milestones-summary -b region \
	--milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--evidence data/score/evidence.csv data/score/milestone-deals.csv
echo "exit $?"
funnel-score -k id --report milestones-summary \
	--milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--evidence data/score/evidence.csv data/score/milestone-deals.csv
echo "exit $?"
# --by on the deals' report: rows by region, then key.
funnel-score -k id --report milestones -b region \
	--milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--evidence data/score/evidence.csv data/score/milestone-deals.csv
echo "exit $?"
# Only deals without criteria (Lead, Discovery without milestones of its
# own here): the mean is blank, not 0; no open deal at all: one row of 0
# deals without --by, no row with it.
printf 'id,stage\na,Lead\nb,Lead\n' >lead.csv
printf 'id,stage\nw,Closed Won\n' >won.csv
for f in lead.csv won.csv; do
	funnel-score -k id --report milestones-summary \
		--milestones data/score/milestones.csv \
		-S Lead,Discovery,Qualification,Proposal,Negotiation \
		--evidence data/score/evidence.csv $f
	echo "exit $?"
done
funnel-score -k id -b stage --report milestones-summary \
	--milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--evidence data/score/evidence.csv won.csv
echo "exit $?"
