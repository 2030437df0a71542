# The default as-of date is the latest date of an event that happened: a
# created date, or the close date of a closed deal; never an open deal's
# CloseDate, which Salesforce exports as the expected close (a forecast).
# Salesforce layout: every field quoted, CloseDate a date with 00:00:00,
# CreatedDate a timestamp. Events: created 2018-06-01..2018-09-20, closed
# won 2018-10-09; open deals expected 2018-10-15 (line 4) and 2018-11-30
# (line 5) -> as of 2018-10-09. -v says the date used and names the two
# forecasts after it, the latest 2018-11-30 at line 5; with --asof
# 2018-10-20 only that one is after it. Deals 4: open 2, won 1, lost 1.
# funnel-cycle --survival censors the open deals (and the lost one, in
# time to a win) at the same date and names the same forecasts.
printf '%s\n' '"Id","StageName","Amount","CloseDate","IsClosed","IsWon","CreatedDate"' \
	'"001","Closed Won","100","2018-10-09 00:00:00","1","1","2018-06-01 09:00:00"' \
	'"002","Closed Lost","50","2018-08-10 00:00:00","1","0","2018-07-02 10:30:00"' \
	'"003","Prospecting","70","2018-10-15 00:00:00","0","0","2018-09-20 08:00:00"' \
	'"004","Negotiation/Review","90","2018-11-30 00:00:00","0","0","2018-08-01 12:00:00"' >Opportunity.csv
funnel-kpi -v Opportunity.csv 2>err.txt | cut -d, -f1-5
grep -v ' column: \|delimiter\|weighted pipeline' err.txt
funnel-kpi -v --asof 2018-10-20 Opportunity.csv 2>&1 | grep 'as-of\|expected'
funnel-cycle -v --survival Opportunity.csv 2>err.txt | cut -d, -f1,10
grep -v ' column: \|delimiter' err.txt
