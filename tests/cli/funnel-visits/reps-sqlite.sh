# 600 visits made up by awk (a fixed linear congruential sequence, one
# draw a field: the same file every run), the reps report checked against sqlite3 (skipped,
# 77, without it), which works every column out on its own from the
# spec: outcomes by the vocabulary (trimmed, case-folded, aliases), deals
# and customers counted distinct when not blank, rates with a zero
# denominator NULL (a blank cell).  -p 9: no ratio of counts below 600
# is a tie at 9 digits, so both sides round alike.  --from/--to give a
# period of 28 days: visits_per_week = visits / 4.
command -v sqlite3 >/dev/null 2>&1 || exit 77
awk 'function next_r() { x = (x * 1103515245 + 12345) % 2147483648; return int(x / 65536) }
BEGIN {
	x = 12345
	split("order,Advance,continuation,no-sale,成交,晋级,推进,暂停,延续,none,nosale,NO_SALE,无进展,失败, advance ,,,", o, ",")
	print "visit_id,deal_id,customer_id,visit_date,rep,objective,visit_outcome,next_step"
	for (i = 1; i <= 600; i++) {
		r = next_r(); deal = r % 7 == 0 ? "" : "D" (r % 53)
		cust = "C" (next_r() % 31)
		day = 1 + next_r() % 30
		rep = "rep" (next_r() % 6)
		out = o[1 + next_r() % 18]
		obj = next_r() % 3 ? "goal" : ""
		nxt = next_r() % 5 < 2 ? "call" : ""
		printf "V%d,%s,%s,2024-04-%02d,%s,%s,\"%s\",%s\n", i, deal, cust, day, rep, obj, out, nxt
	}
}' >v.csv
cat >reps.sql <<'SQL'
.mode csv
.import --csv v.csv v
.mode list
.separator ,
CREATE TABLE k AS SELECT *, CASE
	WHEN lower(trim(visit_outcome)) IN ('order', '成交') THEN 'order'
	WHEN lower(trim(visit_outcome)) IN ('advance', '晋级', '推进') THEN 'advance'
	WHEN lower(trim(visit_outcome)) IN ('continuation', '暂停', '延续') THEN 'continuation'
	WHEN lower(trim(visit_outcome)) IN ('no-sale', 'none', 'nosale', 'no_sale', '无进展', '失败') THEN 'no-sale'
	WHEN trim(visit_outcome) = '' THEN 'unrecorded' END AS o
	FROM v WHERE visit_date BETWEEN '2024-04-02' AND '2024-04-29';
SELECT rep, count(*),
	count(DISTINCT nullif(deal_id, '')), count(DISTINCT customer_id),
	printf('%.9f', 1.0 * sum(deal_id != '') / nullif(count(DISTINCT nullif(deal_id, '')), 0)),
	sum(o = 'order'), sum(o = 'advance'), sum(o = 'continuation'),
	sum(o = 'no-sale'), sum(o = 'unrecorded'),
	printf('%.9f', 1.0 * sum(o IN ('order', 'advance')) / nullif(sum(o != 'unrecorded'), 0)),
	printf('%.9f', 1.0 * sum(objective != '') / count(*)),
	printf('%.9f', 1.0 * sum(next_step != '') / count(*)),
	printf('%.9f', count(*) / 4.0)
	FROM k GROUP BY rep ORDER BY rep;
SQL
sqlite3 :memory: <reps.sql >sqlite.txt
funnel-visits -p 9 --visit visit_id --from 2024-04-02 --to 2024-04-29 v.csv | sed 1d >funnel.txt
# Every outcome occurs (a row of sqlite's without one would have an
# unmatched label: CASE gives NULL and the sums disagree).
wc -l <funnel.txt
diff sqlite.txt funnel.txt && echo same
