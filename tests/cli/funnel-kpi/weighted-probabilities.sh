# weighted_pipeline with --probabilities FILE (stage,probability lines; a
# header line and # comments allowed; 10%, 0.25, 50% and 0.8 all read as
# fractions, see probabilities-scale.sh), the open deals' stages matched
# against --stages: data/kpi/deals.csv's open deals with an amount
#   D08 Lead        5,000 x 0.10 =    500
#   D09 Qualified  12,000 x 0.25 =  3,000
#   D10 Proposal   30,000 x 0.50 = 15,000
#   D11 Negotiation 40,000 x 0.80 = 32,000
#   (D12 has no amount: nothing to weigh)        sum 50500.00
# -v says where the probabilities came from, and each stage's.
funnel-kpi --stages Lead,Qualified,Proposal,Negotiation \
	--probabilities data/kpi/probabilities.csv data/kpi/deals.csv | cut -d, -f1,10,11
funnel-kpi -v --stages Lead,Qualified,Proposal,Negotiation \
	--probabilities data/kpi/probabilities.csv data/kpi/deals.csv 2>&1 >/dev/null |
	grep 'weighted pipeline'
