# --by: each region on its own.  First quarter, growth potential.
# North: values 50 30 10 (median 30), growths -16.6 -30 10 (median -16.6):
# A high/high key, B high/low maintain, C low/high develop.
# South: values 6 4 (median 5), growths -6 -4 (median -5): D high/low
# maintain, E low/high develop.
w="--from 2024-01-01 --to 2024-03-31 --potential growth"
funnel-segment $w -b region data/segment/orders.csv 2>/dev/null
# --global-cuts: the medians of all five (value 10, growth -6) for both:
# A, B maintain, C key, D, E develop, as without --by.
funnel-segment $w -b region --global-cuts data/segment/orders.csv 2>/dev/null
# A customer in two groups is classified in each, said with -v.  In S,
# A and B have 1 order each: the median frequency 1 puts both high and
# leaves low empty, which a warning says.
printf '%s\n' customer_id,order_date,amount,region A,2024-01-01,5,N \
	A,2024-01-02,7,S B,2024-01-03,1,S >two.csv
funnel-segment -b region two.csv -v 2>&1 | grep -v -e delimiter -e column
