-- SQLite peer, stage conversion.  Run as: sqlite3 :memory: < stages.sql
-- after ".import --csv FILE h" (tests/bench/run prepends the import and
-- ".timer on", so that the query's own time is reported apart).
.mode csv
.headers off
WITH f AS (
  SELECT region,
         coalesce(max(CASE stage WHEN 'Prospecting' THEN 1 WHEN 'Qualification' THEN 2
                      WHEN 'Proposal' THEN 3 WHEN 'Negotiation' THEN 4
                      WHEN 'Closed Won' THEN 5 END), 1) AS furthest
  FROM h
  GROUP BY opportunity_id, region),
g AS (SELECT region, furthest, count(*) AS n FROM f GROUP BY region, furthest),
s(idx, stage) AS (VALUES (1, 'Prospecting'), (2, 'Qualification'), (3, 'Proposal'),
                         (4, 'Negotiation'), (5, 'Closed Won'))
SELECT region, stage, sum(CASE WHEN furthest >= idx THEN n ELSE 0 END) AS reached
FROM g, s GROUP BY region, idx, stage ORDER BY region, idx;
