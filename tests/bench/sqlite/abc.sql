-- SQLite peer, ABC classes (table h: the orders; .import makes every
-- column text).  As duckdb/bench.mjs: amounts summed as whole cents,
-- exactly, a sum the double cents / 100.0; customers by value (highest
-- first, then id), the running share of the total after each; A while it
-- is at most 0.80, B at most 0.95, else C, a cut plus 1e-9 still within.
.mode csv
.headers off
WITH c AS (
  SELECT customer_id, sum(CAST(round(amount * 100) AS INTEGER)) AS cents
  FROM h GROUP BY customer_id),
r AS (
  SELECT customer_id, cents, cents / 100.0 AS value,
         sum(cents) OVER (ORDER BY cents DESC, customer_id ROWS UNBOUNDED PRECEDING) / 100.0 AS cum
  FROM c),
t AS (SELECT sum(cents) / 100.0 AS total FROM c)
SELECT customer_id, value, value / total AS share, cum / total AS cum_share,
       CASE WHEN cum / total <= 0.8 + 1e-9 THEN 'A'
            WHEN cum / total <= 0.95 + 1e-9 THEN 'B' ELSE 'C' END AS class
FROM r, t ORDER BY cents DESC, customer_id;
