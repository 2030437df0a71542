# 1969-12-31T23:59:59 is a date like any other (not the -1 error value of
# mktime): A's cohort is 1969-12 and 1970-01-31 (January ended) is its p1.
# After 2100: B in 2100-02 and on 2100-03-31 (March ended): p1 1/1.
printf '%s\n' customer_id,order_date A,1969-12-31T23:59:59 A,1970-01-31 | funnel-retention
printf '%s\n' customer_id,order_date B,2100-02-28 B,2100-03-31 | funnel-retention
