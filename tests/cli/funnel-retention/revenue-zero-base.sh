# A cohort whose period-0 revenue is 0 (X's only January amount is blank):
# every revenue ratio of that cohort is 0/0 or 30/0, undefined, so empty
# (never 0, never NaN) although January and February have ended.
# Y's cohort: 20/20 = 1.  all: p0 (0+20)/(0+20) = 1; p1 30/0 undefined.
printf '%s\n' 'customer_id,order_date,amount' 'X,2024-01-10,' 'X,2024-02-10,30' \
	'Y,2024-02-05,20' | funnel-retention --revenue -a amount --asof 2024-02-29
