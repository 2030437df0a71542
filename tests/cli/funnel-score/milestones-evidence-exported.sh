# An evidence file as a CRM exports it: a byte order mark, CRLF, ';'
# between fields, the deal id under "Opportunity ID" (found as -k finds
# it), milestones written in another case (matched as stage labels are),
# and day-first dates read with --evidence-date-format.  With --asof
# 2025-01-05 (of the same deals as milestones-deals):
#   D1: "Pain Confirmed" 05/01/2025 = 5 January, on the day: counts -> 1/1,
#       next sponsor;budget (no evidence of them here).
#   Q1: " pain confirmed " 02/01/2025 counts; "SPONSOR NAMED" 10/02/2025
#       (10 February) is later: 1 of 3 = 0.3333, missing sponsor;budget.
#   the others have no evidence here: L1 blank, N1 0/4, P1 0/3, Q2 0/3.
printf '\357\273\277Opportunity ID;Milestone;Completed Date\r\nD1;Pain Confirmed;05/01/2025\r\nQ1; pain confirmed ;02/01/2025\r\nQ1;SPONSOR NAMED;10/02/2025\r\n' >ev.csv
funnel-score -k id --report milestones --milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--evidence ev.csv --evidence-date-format %d/%m/%Y --asof 2025-01-05 \
	data/score/milestone-deals.csv
echo "exit $?"
# The same summed up, with the delimiter given: 6 deals, 1 complete (D1),
# mean over the 5 with criteria (1 + 0 + 0 + 1/3 + 0) / 5 = 4/15 = 0.26667.
# A bad delimiter is refused when given (64), before anything is read.
funnel-score -k id --report milestones-summary --milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--evidence ev.csv --evidence-delimiter ';' \
	--evidence-date-format %d/%m/%Y --asof 2025-01-05 \
	data/score/milestone-deals.csv
echo "exit $?"
funnel-score -k id --report milestones --milestones data/score/milestones.csv \
	-S Lead,Discovery,Qualification,Proposal,Negotiation \
	--evidence ev.csv --evidence-delimiter ';;' data/score/milestone-deals.csv
echo "exit $?"
