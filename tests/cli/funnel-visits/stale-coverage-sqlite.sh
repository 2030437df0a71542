# 300 visits, 80 deals and 60 segmented customers (every other one of
# the first 120) made up by awk (a fixed
# linear congruential sequence), the stale and coverage reports worked
# out by sqlite3 from the spec (skipped, 77, without it).  Stale, as of
# the latest visit: open deals (status Open, or blank with a stage that
# is not won or lost) never visited, by deal; then those whose last visit
# is more than 10 days before, days descending, then deal.  Coverage:
# per segment the customers listed, those visited, their visits; then
# (unsegmented): distinct unlisted customers visited and their visits.
command -v sqlite3 >/dev/null 2>&1 || exit 77
awk 'function next_r() { x = (x * 1103515245 + 12345) % 2147483648; return int(x / 65536) }
BEGIN {
	x = 4242
	print "deal_id,customer_id,visit_date,rep" >"visits.csv"
	for (i = 0; i < 300; i++)
		printf "D%02d,C%03d,2024-%02d-%02d,r%d\n", next_r() % 90, next_r() % 150,
			1 + next_r() % 3, 1 + next_r() % 28, next_r() % 3 >"visits.csv"
	split("Open,Won,Lost,", st, ",")
	split("Lead,Proposal,Closed Won,Closed Lost", sg, ",")
	print "deal_id,owner,stage,status" >"deals.csv"
	for (d = 0; d < 80; d++)
		printf "D%02d,o%d,%s,%s\n", d, next_r() % 4, sg[1 + next_r() % 4],
			st[1 + next_r() % 4] >"deals.csv"
	print "customer_id,value,class" >"classes.csv"
	for (c = 0; c < 60; c++)
		printf "C%03d,%d,%s\n", 2 * c, next_r() % 100, substr("ABC", 1 + next_r() % 3, 1) >"classes.csv"
}'
cat >check.sql <<'SQL'
.mode csv
.import --csv visits.csv v
.import --csv deals.csv d
.import --csv classes.csv c
.mode list
.separator ,
CREATE TABLE asof AS SELECT max(julianday(visit_date)) AS a FROM v;
CREATE TABLE open AS SELECT * FROM d WHERE status = 'Open'
	OR (status = '' AND stage NOT IN ('Closed Won', 'Closed Lost'));
CREATE TABLE last AS SELECT deal_id, max(visit_date) AS l, count(*) AS n
	FROM v GROUP BY deal_id;
SELECT o.deal_id, o.owner, o.stage, coalesce(l.l, ''),
	coalesce(CAST((SELECT a FROM asof) - julianday(l.l) AS INTEGER), ''),
	coalesce(l.n, 0)
	FROM open o LEFT JOIN last l USING (deal_id)
	WHERE l.l IS NULL OR (SELECT a FROM asof) - julianday(l.l) > 10
	ORDER BY l.l IS NOT NULL, l.l, o.deal_id;
SELECT '--';
CREATE TABLE per AS SELECT customer_id, count(*) AS n FROM v GROUP BY 1;
SELECT c.class, count(*), count(p.n), printf('%.9f', 1.0 * count(p.n) / count(*)),
	coalesce(sum(p.n), 0), printf('%.9f', 1.0 * coalesce(sum(p.n), 0) / count(*))
	FROM c LEFT JOIN per p USING (customer_id) GROUP BY 1 ORDER BY 1;
SELECT printf('(unsegmented),,%d,,%d,', count(*), sum(n)) FROM per
	WHERE customer_id NOT IN (SELECT customer_id FROM c);
SQL
sqlite3 :memory: <check.sql >sqlite.txt
{
	funnel-visits --report stale --deals-file deals.csv --stale 10d visits.csv | sed 1d
	echo --
	funnel-visits -p 9 --report coverage --segments classes.csv visits.csv | sed 1d
} >funnel.txt
wc -l <funnel.txt
tail -4 funnel.txt
diff sqlite.txt funnel.txt && echo same
