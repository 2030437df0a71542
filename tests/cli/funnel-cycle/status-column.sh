# data/cycle/deals.csv has Salesforce-like headers, found automatically
# (Opportunity ID, Opportunity Status, Stage, Created Date, Close Date). The
# status wins over the stage label (1003: Won though in Negotiation); an
# open deal's close date is a forecast and is ignored (1004). Won cycles by
# hand: 1001 3, 1003 10, 1005 20, 1007 7 days -> mean 10, sd
# sqrt(158/3) = 7.26, type 7 p25 6, median 8.5, p75 12.5, p90 17.
# --outcome lost: 1002 1, 1006 21 -> mean 11, sd 20/sqrt(2) = 14.14.
# --outcome closed: 1, 3, 7, 10, 20, 21 -> mean 10.33, sd 8.48, p25 4,
# median 8.5, p75 17.5, p90 20.5.
funnel-cycle data/cycle/deals.csv
funnel-cycle --outcome lost data/cycle/deals.csv
funnel-cycle --outcome closed data/cycle/deals.csv
