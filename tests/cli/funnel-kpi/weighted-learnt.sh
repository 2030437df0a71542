# weighted_pipeline with --stages and no --probabilities: each stage's
# probability is learnt from the closed deals, as the share won among the
# closed deals at or past the stage. A won deal went past every stage; a
# lost deal reached the stage its stage cell names (D04 Qualified, D05 Lead,
# D06 Proposal) or, with --history, the furthest its history shows.
# 1) D07 is "Closed Lost", no stage of --stages, and there is no history:
#    it reached Lead, but how much further is unknown, so only Lead's
#    probability is learnt (3 won / 7 closed = 0.4286); D09, D10, D11 have
#    none: weighted_pipeline is undefined, with a warning that says what
#    to give (the old rule took D07 for a Lead deal, and every later
#    stage's probability came out too high: 1 for Negotiation).
# 2) --history hist.csv: D07 went Lead, Qualified, Closed Lost: it reached
#    Qualified (rows of deals not in the snapshot, D99, are ignored; D04's
#    row, Lead, does not lower its Qualified). In data/kpi/deals.csv, 3 won:
#   Lead        lost at or past it D04 D05 D06 D07: 3 / (3 + 4) = 3/7
#   Qualified   D04 D06 D07:                        3 / (3 + 3) = 0.5
#   Proposal    D06:                                3 / (3 + 1) = 0.75
#   Negotiation none:                               3 / 3       = 1
#    open deals: D08 Lead 5,000 x 3/7 = 2,142.857; D09 Qualified 12,000 x
#    0.5 = 6,000; D10 Proposal 30,000 x 0.75 = 22,500; D11 Negotiation
#    40,000 x 1 = 40,000: sum 70642.857 -> 70642.86; -v gives each stage's
#    probability and the counts it comes from.
# 3) Without --stages every open deal is weighted by the win rate (3/7:
#    87,000 x 3/7 = 37285.71), and -v says which rule was used.
s=Lead,Qualified,Proposal,Negotiation
funnel-kpi --stages $s data/kpi/deals.csv | cut -d, -f1,10,11
printf '%s\n' deal_id,deal_stage D07,Lead D07,Qualified 'D07,Closed Lost' \
	D04,Lead D99,Negotiation >hist.csv
funnel-kpi --stages $s --history hist.csv data/kpi/deals.csv | cut -d, -f1,10,11 | tail -n 1
funnel-kpi -v --stages $s --history hist.csv data/kpi/deals.csv 2>&1 >/dev/null |
	grep -e 'weighted pipeline' -e history
funnel-kpi data/kpi/deals.csv | cut -d, -f1,10,11 | tail -n 1
funnel-kpi -v data/kpi/deals.csv 2>&1 >/dev/null | grep 'weighted pipeline'
