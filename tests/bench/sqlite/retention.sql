-- SQLite peer, monthly first-order cohorts (table h: the orders).  A cell
-- whose month has not ended by the latest order date is NULL (empty).
.mode csv
.headers off
WITH a AS (
  SELECT DISTINCT customer_id,
         CAST(substr(order_date, 1, 4) AS INTEGER) * 12
         + CAST(substr(order_date, 6, 2) AS INTEGER) - 1 AS m
  FROM h),
c AS (SELECT customer_id, min(m) AS cm FROM a GROUP BY customer_id),
cell AS (
  SELECT cm, a.m - cm AS k, count(*) AS n
  FROM a JOIN c USING (customer_id)
  WHERE a.m - cm <= 11 GROUP BY cm, k),
lim AS (
  SELECT CAST(substr(mx, 1, 4) AS INTEGER) * 12 + CAST(substr(mx, 6, 2) AS INTEGER) - 1
         - CASE WHEN strftime('%d', mx, '+1 day') = '01' THEN 0 ELSE 1 END AS last_done
  FROM (SELECT max(order_date) AS mx FROM h))
SELECT printf('%04d-%02d', cm / 12, cm % 12 + 1) AS cohort,
       sum(CASE WHEN k = 0 THEN n END) AS size,
       CASE WHEN cm + 0 <= last_done THEN sum(CASE WHEN k = 0 THEN n ELSE 0 END) END AS p0,
       CASE WHEN cm + 1 <= last_done THEN sum(CASE WHEN k = 1 THEN n ELSE 0 END) END AS p1,
       CASE WHEN cm + 2 <= last_done THEN sum(CASE WHEN k = 2 THEN n ELSE 0 END) END AS p2,
       CASE WHEN cm + 3 <= last_done THEN sum(CASE WHEN k = 3 THEN n ELSE 0 END) END AS p3,
       CASE WHEN cm + 4 <= last_done THEN sum(CASE WHEN k = 4 THEN n ELSE 0 END) END AS p4,
       CASE WHEN cm + 5 <= last_done THEN sum(CASE WHEN k = 5 THEN n ELSE 0 END) END AS p5,
       CASE WHEN cm + 6 <= last_done THEN sum(CASE WHEN k = 6 THEN n ELSE 0 END) END AS p6,
       CASE WHEN cm + 7 <= last_done THEN sum(CASE WHEN k = 7 THEN n ELSE 0 END) END AS p7,
       CASE WHEN cm + 8 <= last_done THEN sum(CASE WHEN k = 8 THEN n ELSE 0 END) END AS p8,
       CASE WHEN cm + 9 <= last_done THEN sum(CASE WHEN k = 9 THEN n ELSE 0 END) END AS p9,
       CASE WHEN cm + 10 <= last_done THEN sum(CASE WHEN k = 10 THEN n ELSE 0 END) END AS p10,
       CASE WHEN cm + 11 <= last_done THEN sum(CASE WHEN k = 11 THEN n ELSE 0 END) END AS p11
FROM cell, lim GROUP BY cm ORDER BY cm;
