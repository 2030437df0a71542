# The man page's milestone example on the bundled files.  Stages
# Discovery < Qualification < Proposal < Negotiation with 1, 2, 1 and 2
# criteria, so a deal in them requires 1, 3, 4 and 6.  By hand from
# examples/evidence.csv:
#   O-101 Proposal 4/4 = 1, next Negotiation's two.
#   O-102 Qualification: meeting, pain = 2/3, missing budget, next dm.
#   O-103 Negotiation: all but legal = 5/6 = 0.8333.
#   O-104 Discovery: 0/1, next pain;budget.
#   O-105 Proposal: meeting, budget, dm = 3/4, missing pain.
#   O-106 Negotiation 6/6.
#   O-109 Qualification 3/3 (dm is Proposal's: not required; it is met,
#         so next, Proposal's, is blank).
#   O-110 Proposal: meeting, pain = 2/4.
# Per region: East (O-109 1, O-110 0.5): 2 deals, 1 complete, mean 0.75;
# North (1, 2/3, 5/6): 3, 1, 2.5/3 = 0.8333; South (0, 0.75, 1): 3, 1,
# 1.75/3 = 0.5833.
# As of 2026-10-01 (later rows left out): O-101 3/4, O-102 1/3 (meeting
# on the day counts), O-103 4/6, O-104 0/1, O-105 2/4, O-106 5/6, O-109
# 0/3, O-110 1/4: none complete, mean (3/4 + 1/3 + 2/3 + 0 + 1/2 + 5/6 + 0
# + 1/4) / 8 = (10/3) / 8 = 0.41667.
S=Discovery,Qualification,Proposal,Negotiation
funnel-score -f table --report milestones --milestones examples/milestones.csv \
	-S $S --evidence examples/evidence.csv examples/opportunities.csv
funnel-score -f table --report milestones-summary -b region \
	--milestones examples/milestones.csv -S $S \
	--evidence examples/evidence.csv examples/opportunities.csv
funnel-score -f table --report milestones-summary --asof 2026-10-01 \
	--milestones examples/milestones.csv -S $S \
	--evidence examples/evidence.csv examples/opportunities.csv
