-- SQLite peer, visit outcomes per rep as funnel-visits --report reps
-- (table h: the visits, as text; a: ../outcomes.csv).  As duckdb/bench.mjs:
-- the outcome vocabulary with its aliases (table a), trimmed and
-- case-folded (lower() folds ASCII; the Chinese aliases have no case),
-- blank = unrecorded; visits, distinct deals and customers, visits naming
-- a deal per deal, the outcome counts, (order + advance) / recorded, the
-- shares with an objective and a next step, visits per week of the whole
-- log's period (first to last visit date, inclusive).  Rows by rep.
.mode csv
.headers off
WITH v AS (
  SELECT h.*, CASE WHEN trim(h.outcome) = '' THEN 'unrecorded' ELSE a.outcome END AS o
  FROM h LEFT JOIN a ON a.label = lower(trim(h.outcome))),
r AS (
  SELECT rep, count(*) AS visits, count(DISTINCT nullif(deal_id, '')) AS deals,
         count(DISTINCT nullif(customer_id, '')) AS customers,
         sum(deal_id <> '') * 1.0 / nullif(count(DISTINCT nullif(deal_id, '')), 0) AS per_deal,
         sum(o = 'order') AS n_order, sum(o = 'advance') AS n_advance,
         sum(o = 'continuation') AS n_continuation, sum(o = 'no-sale') AS n_no_sale,
         sum(o = 'unrecorded') AS n_unrecorded,
         sum(o IN ('order', 'advance')) * 1.0 / nullif(sum(o <> 'unrecorded'), 0) AS advance_rate,
         sum(trim(objective) <> '') * 1.0 / count(*) AS objective_rate,
         sum(trim(next_step) <> '') * 1.0 / count(*) AS next_step_rate,
         julianday(min(visit_date)) AS lo, julianday(max(visit_date)) AS hi
  FROM v GROUP BY rep)
-- The whole log's period from the reps' own (one scan of the table).
SELECT rep, visits, deals, customers, per_deal, n_order, n_advance, n_continuation,
       n_no_sale, n_unrecorded, advance_rate, objective_rate, next_step_rate,
       visits / ((max(hi) OVER () - min(lo) OVER () + 1) / 7.0)
FROM r ORDER BY rep;
