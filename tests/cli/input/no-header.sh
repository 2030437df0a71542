# A purchases log exported without a header line (tab-separated customer,
# amount, date, as the 51,000-purchase file of a course on customer
# analytics comes): --no-header reads line 1 as a record and the columns
# by number.  By hand, February 2014: start S = 3 (10, 20, 30 bought in
# January), new N = 2 (40, 50), end E = 3 (10, 40, 50): crr (3 - 2) / 3.
funnel-retention --no-header --key 1 --time 3 --crr -v data/retention/purchases.txt
