# A Salesforce Data Export: Opportunity and OpportunityHistory, Latin-1,
# every field quoted, every lost deal "Closed Lost" (the stage it was lost
# at is only in the history). data/kpi/sf-opportunity-latin1.csv: 2 won,
# 4 lost, 4 open (Prospecting 10,000, Qualification 40,000, Proposal/Price
# Quote 200,000, Negotiation/Review 100,000: pipeline 350,000).
# 1) --stages alone: the lost deals' stages are unknown, so only
#    Prospecting's probability is learnt (2 won of 6 closed): the weighted
#    pipeline is undefined, with the warnings (it was 343,333.33, every
#    stage after the first taken for certain: 10,000 / 3 + 340,000).
# 2) --history: the lost deals reached Qualification (0063), Prospecting
#    (0064), Negotiation/Review (0065) and Proposal/Price Quote (0066); the
#    history's rows of 0060, deleted from the snapshot, are ignored:
#      Prospecting  2 / (2 + 4) = 1/3   10,000 x 1/3 =   3,333.33
#      Qualification 2 / (2 + 3) = 0.4  40,000 x 0.4 =  16,000
#      Proposal     2 / (2 + 2) = 0.5  200,000 x 0.5 = 100,000
#      Negotiation  2 / (2 + 1) = 2/3  100,000 x 2/3 =  66,666.67
#    weighted_pipeline 186,000.00 (sqlite3 over the two files agrees).
# 3) --probability Probability, Salesforce's own percentages: 10,000 x 10%
#    + 40,000 x 20% + 200,000 x 75% + 100,000 x 90% = 249,000.00, the sum
#    of the export's ExpectedRevenue of the open deals.
o=data/kpi/sf-opportunity-latin1.csv
h=data/kpi/sf-history-latin1.csv
s='Prospecting,Qualification,Proposal/Price Quote,Negotiation/Review'
funnel-kpi --encoding latin1 --stages "$s" $o | cut -d, -f1,10,11
funnel-kpi --encoding latin1 --stages "$s" --history $h --history-encoding latin1 $o |
	cut -d, -f1,10,11 | tail -n 1
funnel-kpi --encoding latin1 --stages "$s" --history $h --history-encoding latin1 -v $o 2>&1 >/dev/null |
	grep -e 'weighted pipeline' -e 'lost deal'
funnel-kpi --encoding latin1 --probability Probability $o | cut -d, -f1,10,11 | tail -n 1
funnel-kpi --encoding latin1 --probability Probability -v $o 2>&1 >/dev/null |
	grep 'weighted pipeline' 
