-- SQLite peer, rule scores of the open deals (table h: the rated
-- opportunities; .import makes every column text, hence the + 0 and the
-- 4.0).  As duckdb/bench.mjs: a rating r on 1-5 counts as (r - 1) / 4, the
-- score is 100 times their mean, tiers from the cuts 75, 50, 25 (a cut less
-- 1e-9 of it reached), the competition rank within the region, the first
-- of the lowest rated dimensions; by region, score (highest first), id.
.mode csv
.headers off
WITH s AS (
  SELECT region, opportunity_id, need + 0 AS need, budget + 0 AS budget,
         authority + 0 AS authority, timeline + 0 AS timeline,
         competition + 0 AS competition
  FROM h WHERE status = 'open'),
t AS (
  SELECT region, opportunity_id,
         100 * ((need - 1) / 4.0 + (budget - 1) / 4.0 + (authority - 1) / 4.0
                + (timeline - 1) / 4.0 + (competition - 1) / 4.0) / 5 AS x,
         min(need, budget, authority, timeline, competition) AS low,
         need, budget, authority, timeline, competition
  FROM s)
SELECT region, opportunity_id, printf('%.2f', x) AS score,
       CASE WHEN x >= 75 - 75e-9 THEN 'A' WHEN x >= 50 - 50e-9 THEN 'B'
            WHEN x >= 25 - 25e-9 THEN 'C' ELSE 'D' END AS tier,
       rank() OVER (PARTITION BY region ORDER BY x DESC) AS rank,
       5 AS rated,
       CASE low WHEN need THEN 'need' WHEN budget THEN 'budget'
                WHEN authority THEN 'authority' WHEN timeline THEN 'timeline'
                ELSE 'competition' END AS weakest
FROM t ORDER BY region, x DESC, opportunity_id;
