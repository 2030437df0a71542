-- SQLite peer, RFM scores, the rule of the R package rfm 0.3.0 (table h:
-- the orders, as text; @asof: julianday(ASOF), set by tests/bench/run).
-- As duckdb/bench.mjs: per customer the days from its last order to ASOF,
-- its orders, their sum (whole cents summed exactly, then / 100.0); in each
-- of the three, the cuts c_j = the type-7 quantile at p = j * (1.0 / 5),
-- j = 1..4 (R's seq(0, 1, length.out = 6): 3 * 0.2 is 0.6000000000000001),
-- plus 1; the quantile as R's quantile() computes it: index 1 + (n - 1) p,
-- x[lo] at lo = floor(index), and (1 - h) x[lo] + h x[lo + 1] with h =
-- index - lo only when h > 0 and the two differ; x[k] by row_number().  A
-- customer's bin is 1 + the cuts it reaches; f and m score it, r is 6 less
-- it.  Rows by customer.
.mode csv
.headers off
CREATE TEMP TABLE c AS
  SELECT customer_id,
         CAST(round(@asof - julianday(max(order_date))) AS INTEGER) AS recency_days,
         count(*) AS frequency,
         sum(CAST(round(amount * 100) AS INTEGER)) / 100.0 AS monetary
  FROM h GROUP BY customer_id;
CREATE TEMP TABLE cut AS
WITH n AS (SELECT count(*) AS n FROM c),
p(j, p) AS (VALUES (1, 1 * (1.0 / 5)), (2, 2 * (1.0 / 5)), (3, 3 * (1.0 / 5)),
                   (4, 4 * (1.0 / 5))),
i AS (SELECT j, 1 + (n - 1) * p AS idx, CAST(1 + (n - 1) * p AS INTEGER) AS lo
      FROM p, n),
s AS (
  SELECT 'r' AS d, recency_days AS x, row_number() OVER (ORDER BY recency_days) AS k FROM c
  UNION ALL
  SELECT 'f', frequency, row_number() OVER (ORDER BY frequency) FROM c
  UNION ALL
  SELECT 'm', monetary, row_number() OVER (ORDER BY monetary) FROM c),
at AS (SELECT d, k, x FROM s WHERE k IN (SELECT lo FROM i UNION SELECT lo + 1 FROM i))
SELECT a.d AS d, i.j AS j,
       CASE WHEN idx - lo > 0 AND b.x <> a.x
            THEN (1 - (idx - lo)) * a.x + (idx - lo) * b.x ELSE a.x END + 1 AS c
FROM i JOIN at a ON a.k = i.lo LEFT JOIN at b ON b.d = a.d AND b.k = i.lo + 1;
WITH q AS (
  SELECT max(CASE WHEN d = 'r' AND j = 1 THEN c END) AS r1,
         max(CASE WHEN d = 'r' AND j = 2 THEN c END) AS r2,
         max(CASE WHEN d = 'r' AND j = 3 THEN c END) AS r3,
         max(CASE WHEN d = 'r' AND j = 4 THEN c END) AS r4,
         max(CASE WHEN d = 'f' AND j = 1 THEN c END) AS f1,
         max(CASE WHEN d = 'f' AND j = 2 THEN c END) AS f2,
         max(CASE WHEN d = 'f' AND j = 3 THEN c END) AS f3,
         max(CASE WHEN d = 'f' AND j = 4 THEN c END) AS f4,
         max(CASE WHEN d = 'm' AND j = 1 THEN c END) AS m1,
         max(CASE WHEN d = 'm' AND j = 2 THEN c END) AS m2,
         max(CASE WHEN d = 'm' AND j = 3 THEN c END) AS m3,
         max(CASE WHEN d = 'm' AND j = 4 THEN c END) AS m4
  FROM cut),
s AS (
  SELECT customer_id, recency_days, frequency, monetary,
         5 - (recency_days >= r1) - (recency_days >= r2) - (recency_days >= r3)
           - (recency_days >= r4) AS r,
         1 + (frequency >= f1) + (frequency >= f2) + (frequency >= f3)
           + (frequency >= f4) AS f,
         1 + (monetary >= m1) + (monetary >= m2) + (monetary >= m3)
           + (monetary >= m4) AS m
  FROM c, q)
SELECT customer_id, recency_days, frequency, monetary, r, f, m,
       100 * r + 10 * f + m AS rfm
FROM s ORDER BY customer_id;
