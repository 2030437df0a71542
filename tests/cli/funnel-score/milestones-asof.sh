# --asof: evidence dated after it does not count; undated evidence does.
# As of 2025-02-10 (the day itself counts):
#   Q1: sponsor 2025-02-10 counts -> 2 of 3 as without --asof; terms
#       (2025-02-11) is not met yet, so next = terms (blank without --asof).
#   N1: terms 2025-03-01 does not count -> 0 of 4 = 0, missing all four.
# As of 2025-02-09, also Q1's sponsor (2025-02-10) no longer counts: 1 of 3
#   = 0.3333, missing sponsor;budget.
# D1 (2025-01-05/06) and P1 (undated pain, the others 2025-01-01) are as
# without --asof: 1/1 and 3/3.
for day in 2025-02-10 2025-02-09; do
	funnel-score -k id --report milestones \
		--milestones data/score/milestones.csv \
		-S Lead,Discovery,Qualification,Proposal,Negotiation \
		--evidence data/score/evidence.csv --asof $day \
		data/score/milestone-deals.csv
	echo "exit $?"
done
# --verbose counts what was left out: as of 2025-02-09, Q1's sponsor and
# terms and N1's terms, 3 rows.
funnel-score -v -k id --report milestones-summary \
	--milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--evidence data/score/evidence.csv --asof 2025-02-09 \
	data/score/milestone-deals.csv 2>&1 >/dev/null | grep asof
