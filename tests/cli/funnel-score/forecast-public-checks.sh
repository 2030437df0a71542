# The spec's public checks: Pipedrive's documented example, a deal of
# 4,245.74 at 50% weighs 2,122.87 (4245.74 / 2), and Freshworks', 12,285
# at 70% weighs 8,599.5 (12285 * 7 / 10 = 85995 / 10), with the amounts
# written as the CRMs show them ("4,245.74").  Once by stage, once by the
# deals' own probabilities (a column of 50 and 70, as Pipedrive and
# Salesforce export it: percentages).  The forecast's one row: pipeline
# 4245.74 + 12285 = 16530.74, weighted 2122.87 + 8599.5 = 10722.37,
# expected wins 0.5 + 0.7 = 1.2.
printf '%s\n' 'id,stage,value,probability' 'pipedrive,Proposal,"4,245.74",50' \
	'freshworks,Negotiation,"12,285",70' >d.csv
funnel-score --report forecast-deals -a value \
	--stage-prob 'Proposal=50%,Negotiation=70%' d.csv
funnel-score --forecast -a value --stage-prob 'Proposal=50%,Negotiation=70%' d.csv
funnel-score --report forecast-deals -a value --prob probability d.csv
funnel-score --forecast -a value --prob probability d.csv
