# One funnel from two exports, as Olist publishes it: leads in one file
# (mql_id, first_contact_date), the deals won from them in another
# (mql_id, won_date).  Each file lacks the other's stage-date column: its
# cells are empty there, which -v says once a file.  By hand: 6 leads, 3 of
# them won.  Lead -> Won days: 2017-10-20 -> 2018-02-26 19:58:54 is
# 129.8326, 2018-01-22 -> 2018-01-31 12:00 is 9.5; the third deal was won
# before its first contact (as one of Olist's 842 is), so it counts as won
# but has no duration: median = mean = (129.8326 + 9.5) / 2 = 69.67.
funnel-stages -v --key mql_id --stage-date Lead=first_contact_date \
	--stage-date Won=won_date data/olist/leads.csv data/olist/deals.csv
