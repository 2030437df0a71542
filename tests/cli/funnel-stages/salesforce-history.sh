# Salesforce OpportunityHistory (long layout, auto-detected OpportunityId /
# StageName / CreatedDate) with examples/salesforce-stages.txt. Expected rows
# from awk + sqlite3: the stage order is read from the stages file, each
# OpportunityId counts at its furthest stage (the file has no lost rows: the
# query says so if that changes), reached = deals at or beyond each stage.
awk '!/^#/ && !/=/ && NF { print n++ "," $0 }' examples/salesforce-stages.txt >order.csv
funnel-stages --stages-file examples/salesforce-stages.txt \
	<data/salesforce/OpportunityHistory.csv >got.csv || exit 1
sqlite3 -separator , :memory: >want.csv <<'SQL'
.import --csv data/salesforce/OpportunityHistory.csv h
CREATE TABLE s(k INTEGER, name TEXT);
.import --csv order.csv s
SELECT 'unexpected stage ' || StageName FROM h WHERE StageName NOT IN (SELECT name FROM s);
WITH d AS (SELECT OpportunityId, max(s.k) AS furthest FROM h JOIN s ON s.name = h.StageName
           GROUP BY OpportunityId),
c AS (SELECT k, name, (SELECT count(*) FROM d WHERE furthest >= k) AS reached FROM s)
SELECT 'stage', 'reached', 'step_conversion', 'overall_conversion', 'dropped', 'lost'
UNION ALL
SELECT * FROM (
SELECT c.name, c.reached,
       printf('%.4f', CASE WHEN c.k = 0 THEN 1.0 ELSE 1.0 * c.reached / p.reached END),
       printf('%.4f', 1.0 * c.reached / f.reached),
       CASE WHEN c.k = 0 THEN 0 ELSE p.reached - c.reached END, 0
FROM c LEFT JOIN c AS p ON p.k = c.k - 1 JOIN c AS f ON f.k = 0 ORDER BY c.k);
SQL
tr -d '\r' <want.csv | diff - got.csv && echo "same ($(($(wc -l <got.csv) - 1)) stages)"
cat got.csv
