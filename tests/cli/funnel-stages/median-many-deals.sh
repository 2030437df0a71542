# Median days between stages over many deals in no order: 3003 deals in
# three regions (1001 each, so a median is one deal's value), entering A on
# 2024-01-01, B (i * 7) % 27 days and 6 * ((i * 5) % 4) hours later, C on
# day 31 + (i * 11) % 27, at noon for odd i.  Each region's times are
# counted in two halves of the deals (the second on its own thread when
# there is one), then sorted; awk and sort -n pick the 501st value.  The
# fractions are quarters of a day, exact in two decimals.
awk -v n=3003 'BEGIN {
	split("North South West", rg, " ")
	print "deal,stage,entered_at,region"
	for (i = 0; i < n; i++) {
		r = rg[i % 3 + 1]
		b = (i * 7) % 27; h = 6 * ((i * 5) % 4); c = 31 + (i * 11) % 27
		printf "d%d,A,2024-01-01T00:00:00,%s\n", i, r
		printf "d%d,B,2024-01-%02dT%02d:00:00,%s\n", i, 1 + b, h, r
		printf "d%d,C,2024-%02d-%02dT%s:00:00,%s\n", i, c < 31 ? 1 : 2,
			c < 31 ? c + 1 : c - 30, i % 2 ? "12" : "00", r
		printf "%s,B,%.2f\n", r, b + h / 24 >"spans.txt"
		printf "%s,C,%.2f\n", r, c + (i % 2) / 2 - b - h / 24 >"spans.txt"
	}
}' >history.csv
for s in North,B North,C South,B South,C West,B West,C; do
	grep "^$s," spans.txt | cut -d, -f3 | sort -n | sed -n 501p | sed "s/^/$s,/"
done >expected.txt
for t in 1 2; do
	FUNNEL_THREADS=$t funnel-stages -f csv --stages A,B,C --by region history.csv |
		awk -F, 'NR > 1 && $2 != "A" { print $1 "," $2 "," $8 }' >got-$t.txt
	cmp got-$t.txt expected.txt && echo "$t thread(s): medians = sort -n"
done
cat expected.txt
