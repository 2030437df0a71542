# A --probabilities file saved with a UTF-8 byte order mark and no header
# line: the mark is stripped, so its first line is the stage Lead, not
# "\xEF\xBB\xBFLead". Same weights and hand sum as weighted-probabilities:
# 500 + 3,000 + 15,000 + 32,000 = 50500.00, every open deal weighed (no
# warning).
printf '\357\273\277Lead,10%%\nQualified,0.25\nProposal,50%%\nNegotiation,0.8\n' >p.csv
funnel-kpi --stages Lead,Qualified,Proposal,Negotiation \
	--probabilities p.csv data/kpi/deals.csv | cut -d, -f1,10,11
