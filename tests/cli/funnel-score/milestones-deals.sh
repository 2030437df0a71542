# Milestone completeness per open deal, from a long evidence file.
# Stages Lead < Discovery < Qualification < Proposal < Negotiation; the
# criteria (file order): Discovery: pain; Qualification: sponsor, budget;
# Negotiation: terms.  Lead and Proposal have none.  By hand:
#   D1 Discovery: required = pain = 1; done 1 (budget is Qualification's,
#      later: it does not count) -> 1/1 = 1; next = Qualification's not
#      done: sponsor (budget is done).
#   L1 Lead, the first stage: required 0 -> completeness blank; next =
#      Discovery's: pain.
#   N1 Negotiation, the last stage: required 4, done terms = 1 -> 0.25;
#      missing pain;sponsor;budget (file order); no next stage: blank.
#   P1 "proposal" (Proposal, case aside): required 3 (Proposal has none of
#      its own), done 3 (an undated row counts) -> 1; next skips no stage:
#      Negotiation's terms.
#   Q1 Qualification: required 3, done pain + sponsor = 2 -> 0.6667;
#      missing budget; next: Proposal has none, so Negotiation's: terms is
#      done -> blank.
#   Q2 Qualification: required 3, done 0 -> 0 (a rate of 0, not blank);
#      missing all three, pain;sponsor;budget; next terms.
# W1 is won: not reported, its evidence ignored; X9 is no deal: ignored,
# both said with --verbose.
funnel-score -k id --report milestones --milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--evidence data/score/evidence.csv data/score/milestone-deals.csv
echo "exit $?"
# The same as a table: completeness as a percentage, blank as a dash.
funnel-score -k id --report milestones --milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation --format table \
	--evidence data/score/evidence.csv -v data/score/milestone-deals.csv \
	2>&1 | grep -v ' column: \|delimiter'
echo "exit $?"
