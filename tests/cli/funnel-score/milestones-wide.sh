# --milestone-cols: the evidence as columns of the deal rows, a non-blank
# cell (a date, "x", "yes") meaning met; the columns hold the same facts
# as data/score/evidence.csv, so the table is milestones-deals' first one:
#   D1 1/1 next sponsor; L1 0 blank; N1 1/4; P1 3/3 next terms; Q1 2/3;
#   Q2 0/3 next terms.  W1 (won) is left out.
funnel-score -k id --report milestones --milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--milestone-cols 'pain confirmed,sponsor named, budget confirmed,terms agreed' \
	data/score/milestone-deals.csv
echo "exit $?"
# Only some milestones as columns: the others are never met.  With pain
# only: D1 1/1 (next sponsor;budget), Q1 1/3, P1 1/3, N1 0/4, Q2 0/3.
funnel-score -k id --report milestones --milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--milestone-cols 'pain confirmed' data/score/milestone-deals.csv
echo "exit $?"
# A column that is not a milestone of the file is a usage error (64); one
# that is not in the header too, the header listed.
funnel-score -k id --report milestones --milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--milestone-cols region data/score/milestone-deals.csv
echo "exit $?"
funnel-score -k id --report milestones --milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--milestone-cols demo data/score/milestone-deals.csv
echo "exit $?"
