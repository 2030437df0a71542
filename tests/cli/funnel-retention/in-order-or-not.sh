# First-order cohorts counted from pairs that are distinct as read (rows in
# date order) skip the sort by customer; rows out of order take it.  The
# same orders both ways give the same table.  300 customers, 100 each
# starting in January, February and March 2024; even ones order every
# month from then to June, odd ones in their first month and two months
# later; every active month has two orders (the 5th and the 20th).  Out of
# order, all the 5ths come first, month by month, then all the 20ths: a
# customer's 20 January then repeats a month it has left.  So, by hand,
# every cohort: 100 at offset 0, 50 at 1 (the even ones), 100 at 2 (even
# and odd), 50 at 3.
orders() {
	awk -v days_first="$1" 'BEGIN {
		print "order_id,customer_id,order_date,amount"; n = 0
		for (a = 1; a <= (days_first ? 2 : 6); a++)
		for (b = 1; b <= (days_first ? 6 : 2); b++)
		for (i = 0; i < 300; i++) {
			m = days_first ? b : a; d = days_first ? a : b
			first = 1 + i % 3
			if (m < first) continue
			if (i % 2 == 0 || m == first || m == first + 2)
				printf "%d,c%d,2024-%02d-%02d,10.00\n", n++, i, m, d == 1 ? 5 : 20
		}
	}'
}
orders 0 >in-order.csv
orders 1 >days-first.csv
for f in in-order days-first; do
	funnel-retention --counts --period month --max-periods 3 --asof 2024-07-31 -f csv $f.csv >$f.out.csv
done
cmp in-order.out.csv days-first.out.csv && echo "in order = out of order"
cat in-order.out.csv
