# The presets (spec C).  salesforce: Prospecting 10, Qualification 10,
# Needs Analysis 20, Value Proposition 50, Id. Decision Makers 60,
# Perception Analysis 70, Proposal/Price Quote 75, Negotiation/Review 90.
# A deal of 1,000 at each: weighted 1000 * (0.1 + 0.1 + 0.2 + 0.5 + 0.6 +
# 0.7 + 0.75 + 0.9) = 1000 * 3.85 = 3850, expected wins 3.85; the Closed
# Won deal is not open.
{
	echo id,StageName,Amount
	n=0
	for st in Prospecting Qualification 'Needs Analysis' 'Value Proposition' \
		'Id. Decision Makers' 'Perception Analysis' 'Proposal/Price Quote' \
		'Negotiation/Review' 'Closed Won'; do
		n=$((n + 1))
		echo "o$n,$st,1000"
	done
} >sf.csv
funnel-score --report forecast-deals --stage-prob salesforce sf.csv
funnel-score --forecast --stage-prob salesforce sf.csv
# hubspot: Appointment Scheduled 20, Qualified to Buy 40, Presentation
# Scheduled 60, Decision Maker Bought-In 80, Contract Sent 90.  A deal of
# 100 at each: 100 * (0.2 + 0.4 + 0.6 + 0.8 + 0.9) = 290, expected wins
# 2.9; Closed Lost is not open.  Stages match ignoring case: HubSpot
# exports write "Qualified To Buy" (examples/hubspot-deals.csv).
{
	echo 'Record ID,Deal Stage,Amount'
	n=0
	for st in 'Appointment Scheduled' 'Qualified To Buy' \
		'Presentation Scheduled' 'Decision Maker Bought-In' \
		'Contract Sent' 'Closed Lost'; do
		n=$((n + 1))
		echo "$n,$st,100"
	done
} >hs.csv
funnel-score --forecast --stage-prob hubspot hs.csv
# A Salesforce export weighed with HubSpot's stages: none is known (65).
funnel-score --forecast --stage-prob hubspot sf.csv
echo "exit $?"
