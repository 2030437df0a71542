# weighted_pipeline with --stages and no --probabilities: each stage's
# probability is learnt from the closed deals, as the share won among the
# closed deals at or past the stage. A won deal went past every stage; a
# lost deal reached the stage its stage cell names (D04 Qualified, D05 Lead,
# D06 Proposal), or the first when that is no stage of --stages (D07
# "Closed Lost"). In data/kpi/deals.csv, 3 won:
#   Lead        lost at or past it D04 D05 D06 D07: 3 / (3 + 4) = 3/7
#   Qualified   D04 D06:                            3 / (3 + 2) = 0.6
#   Proposal    D06:                                3 / (3 + 1) = 0.75
#   Negotiation none:                               3 / 3       = 1
# open deals: D08 Lead 5,000 x 3/7 = 2,142.857; D09 Qualified 12,000 x 0.6
#   = 7,200; D10 Proposal 30,000 x 0.75 = 22,500; D11 Negotiation 40,000 x 1
#   = 40,000: sum 71842.857 -> 71842.86
# Without --stages every open deal is weighted by the win rate (3/7:
# 87,000 x 3/7 = 37285.71), and -v says which rule was used.
funnel-kpi --stages Lead,Qualified,Proposal,Negotiation data/kpi/deals.csv | cut -d, -f1,10,11
funnel-kpi -v --stages Lead,Qualified,Proposal,Negotiation data/kpi/deals.csv 2>&1 >/dev/null |
	grep 'weighted pipeline'
funnel-kpi data/kpi/deals.csv | cut -d, -f1,10,11 | tail -n 1
funnel-kpi -v data/kpi/deals.csv 2>&1 >/dev/null | grep 'weighted pipeline'
