-- SQLite peer, won-deal cycle (table h: the deal snapshot).  SQLite has no
-- quantile function: R's type 7 is computed from row numbers, h = (n-1)p,
-- x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h]).
.mode csv
.headers off
WITH w AS (
  SELECT region, julianday(closed_at) - julianday(created_at) AS d
  FROM h WHERE status = 'won'),
r AS (
  SELECT region, d,
         row_number() OVER (PARTITION BY region ORDER BY d) - 1 AS i,
         count(*) OVER (PARTITION BY region) AS n
  FROM w),
q AS (
  SELECT region, d, i, n,
         (n - 1) * 0.5 AS h50, CAST((n - 1) * 0.5 AS INTEGER) AS l50,
         (n - 1) * 0.9 AS h90, CAST((n - 1) * 0.9 AS INTEGER) AS l90
  FROM r),
v AS (
  SELECT region, n, avg(d) AS mean, h50, l50, h90, l90,
         max(CASE WHEN i = l50 THEN d END) AS a50,
         max(CASE WHEN i = min(l50 + 1, n - 1) THEN d END) AS b50,
         max(CASE WHEN i = l90 THEN d END) AS a90,
         max(CASE WHEN i = min(l90 + 1, n - 1) THEN d END) AS b90
  FROM q GROUP BY region)
SELECT region, n, mean, a50 + (h50 - l50) * (b50 - a50), a90 + (h90 - l90) * (b90 - a90)
FROM v ORDER BY region;
