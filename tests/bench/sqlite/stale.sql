-- SQLite peer, stale deals as funnel-visits --report stale --stale 30d
-- (table h: the visits, d: the deals, as text; @asof: julianday(ASOF), set
-- by tests/bench/run).  As duckdb/bench.mjs: the open deals never visited
-- (by deal), then those last visited more than 30 days before ASOF (days
-- descending, then deal).
.mode csv
.headers off
.nullvalue ''
WITH dv AS (SELECT deal_id, max(visit_date) AS last, count(*) AS n
            FROM h WHERE deal_id <> '' GROUP BY deal_id),
x AS (SELECT d.deal_id, d.owner, d.stage, dv.last, coalesce(dv.n, 0) AS n,
             CAST(round(@asof - julianday(dv.last)) AS INTEGER) AS days
      FROM d LEFT JOIN dv USING (deal_id) WHERE lower(trim(d.status)) = 'open')
SELECT deal_id, owner, stage, last, days, n FROM x
WHERE last IS NULL OR days > 30
ORDER BY last IS NOT NULL, days DESC, deal_id;
