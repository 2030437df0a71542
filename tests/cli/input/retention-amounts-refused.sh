# funnel-retention --revenue --amount refuses (65) what funnel-input(7)
# lists: an unspaced currency code "USD2500", a wrong group "1,23", two
# decimal separators "1.2.3", a percent "5%"; "(1,200.00)" is a negative
# amount and accepted: A's p1 revenue -1200 over 2400 = -0.5000
# (2024-02-29 ends February).
run() {
	printf 'customer_id,order_date,amount\nA,2024-01-05,2400\nA,2024-02-29,"%s"\n' "$1" >o.csv
	funnel-retention --revenue --amount amount o.csv
	echo "exit $?"
}
run USD2500
run 1,23
run 1.2.3
run 5%
run '(1,200.00)'
