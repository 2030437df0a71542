# A deal closed before it was created is bad data (65, FILE:LINE, the
# column), not a negative cycle: with dates (a day earlier), with times (a
# minute earlier the same day). The bundled Salesforce sample export is such
# data: its demo opportunities were loaded (CreatedDate 2018-10-13) after
# their close dates; the first closed one is on line 4.
printf '%s\n' id,created_at,close_date,stage a,2024-01-05,2024-01-04,Won | funnel-cycle
echo "exit $?"
printf '%s\n' id,created_at,close_date,stage 'a,2024-01-05 10:00,2024-01-05 09:59,Lost' |
	funnel-cycle --outcome lost
echo "exit $?"
funnel-cycle data/salesforce/Opportunity.csv
echo "exit $?"
awk -F'","' 'NR > 1 && $18 == "1" { print "first closed on line " NR; exit }' data/salesforce/Opportunity.csv
