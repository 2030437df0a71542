# -f table with --by (data and hand count of by-first-activity.sh): the
# group on the first row of its block only, a blank line between groups,
# each group's triangle with its all row.  Widths: region 6, cohort 7,
# size 4, p0 8, p1 8 ("100.0% █"); 1/2 -> 4 eighths (U+2584), 1 -> U+2588.
printf '%s\n' 'customer_id,order_date,region' 'A,2024-01-05,North' 'A,2024-02-10,South' \
	'B,2024-01-20,South' 'B,2024-02-03,South' 'C,2024-02-07,South' 'C,2024-02-07,North' \
	'C,2024-03-01,South' 'D,2024-01-10,South' 'D,2024-01-02,North' |
funnel-retention --by region -f table
