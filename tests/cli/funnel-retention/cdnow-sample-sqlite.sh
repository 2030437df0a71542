# Real data: monthly first-time cohorts of the CDNOW sample (the first 586
# customers of the CDNOW master file, 2,009 purchases 1997-01-01 ..
# 1998-06-30, dates YYYYMMDD, ids zero-padded strings), counts and rates,
# cell by cell against sqlite3 (skipped, 77, without it).  sqlite3 works
# the cohorts out on its own: a customer's months, its first month, the
# customers of each cohort active k months later; the last month that has
# ended by the latest date (1998-06-30 is June's last day, so June counts:
# date(d, '+1 day') is in another month); cells after it empty; the all
# row as the sum over cohorts having the offset over the sum of their
# sizes.  Both results go to long form (cohort,k,value) and are diffed.
command -v sqlite3 >/dev/null 2>&1 || exit 77
cat >cohorts.sql <<'SQL'
.mode csv
.headers off
.nullvalue ''
.import --csv data/retention/cdnow-sample.csv t
CREATE TABLE a AS SELECT DISTINCT customer_id AS c,
	CAST(substr(date, 1, 4) AS INTEGER) * 12 + CAST(substr(date, 5, 2) AS INTEGER) - 1 AS m
	FROM t;
CREATE TABLE f AS SELECT c, min(m) AS m0 FROM a GROUP BY c;
CREATE TABLE sz AS SELECT m0 AS cohort, count(*) AS size FROM f GROUP BY m0;
CREATE TABLE lim AS SELECT
	CASE WHEN substr(date(d, '+1 day'), 6, 2) <> substr(d, 6, 2) THEN mm ELSE mm - 1 END AS last_done,
	(SELECT min(m0) FROM f) AS first
	FROM (SELECT substr(x, 1, 4) || '-' || substr(x, 5, 2) || '-' || substr(x, 7, 2) AS d,
		CAST(substr(x, 1, 4) AS INTEGER) * 12 + CAST(substr(x, 5, 2) AS INTEGER) - 1 AS mm
		FROM (SELECT max(date) AS x FROM t));
CREATE TABLE ks AS WITH RECURSIVE r(k) AS (SELECT 0 UNION ALL
	SELECT k + 1 FROM r, lim WHERE k + 1 <= last_done - first) SELECT k FROM r;
CREATE TABLE n AS SELECT f.m0 AS cohort, a.m - f.m0 AS k, count(*) AS n
	FROM a JOIN f USING (c) GROUP BY 1, 2;
CREATE TABLE cells AS SELECT sz.cohort, ks.k, sz.size,
	CASE WHEN sz.cohort + ks.k <= lim.last_done THEN coalesce(n.n, 0) END AS n
	FROM sz, ks, lim LEFT JOIN n ON n.cohort = sz.cohort AND n.k = ks.k;
CREATE TABLE tot AS SELECT k, sum(n) AS n, sum(CASE WHEN n IS NOT NULL THEN size END) AS of
	FROM cells GROUP BY k;
SELECT printf('%04d-%02d', cohort / 12, cohort % 12 + 1), k, n FROM cells
UNION ALL SELECT 'all', k, n FROM tot;
SELECT '--';
SELECT printf('%04d-%02d', cohort / 12, cohort % 12 + 1), k,
	CASE WHEN n IS NOT NULL THEN printf('%.4f', n * 1.0 / size) END FROM cells
UNION ALL SELECT 'all', k, CASE WHEN n IS NOT NULL THEN printf('%.4f', n * 1.0 / of) END FROM tot;
SELECT '--';
SELECT printf('%04d-%02d', cohort / 12, cohort % 12 + 1), size FROM sz
UNION ALL SELECT 'all', sum(size) FROM sz;
SQL
# Each section sorted the same way on both sides (sort, as bytes).
by_section() { awk -v out="$1" '/^--$/ { n++; next } { print > (out "." (n + 0)) }'; }
sqlite3 :memory: <cohorts.sql | tr -d '\r' | by_section sqlite
for i in 0 1 2; do LC_ALL=C sort sqlite.$i; [ $i = 2 ] || echo --; done >sqlite.txt
# funnel-retention's matrix as cohort,k,value lines (and cohort,size).
long() { awk -F, 'NR > 1 { for (i = 3; i <= NF; i++) print $1 "," i - 3 "," $i }'; }
sizes() { awk -F, 'NR > 1 { print $1 "," $2 }'; }
{
	funnel-retention --counts data/retention/cdnow-sample.csv | long | LC_ALL=C sort
	echo --
	funnel-retention data/retention/cdnow-sample.csv | long | LC_ALL=C sort
	echo --
	funnel-retention data/retention/cdnow-sample.csv | sizes | LC_ALL=C sort
} >funnel.txt
if cmp -s sqlite.txt funnel.txt; then
	echo "funnel-retention and sqlite3 agree on $(grep -c , sqlite.txt) cells and sizes"
else
	diff sqlite.txt funnel.txt | head -20
fi
# sqlite3's own numbers, for the record: cohort sizes, and the 1-month and
# 17-month returns (counts, then rates).
grep -e '^[0-9a-z-]*,[0-9]*$' sqlite.txt
grep -e '^all,1,' -e '^all,17,' sqlite.txt
