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
p AS (SELECT (julianday(max(visit_date)) - julianday(min(visit_date)) + 1) / 7.0 AS weeks FROM h)
SELECT rep, count(*), count(DISTINCT nullif(deal_id, '')),
       count(DISTINCT nullif(customer_id, '')),
       sum(deal_id <> '') * 1.0 / nullif(count(DISTINCT nullif(deal_id, '')), 0),
       sum(o = 'order'), sum(o = 'advance'), sum(o = 'continuation'),
       sum(o = 'no-sale'), sum(o = 'unrecorded'),
       sum(o IN ('order', 'advance')) * 1.0 / nullif(sum(o <> 'unrecorded'), 0),
       sum(trim(objective) <> '') * 1.0 / count(*),
       sum(trim(next_step) <> '') * 1.0 / count(*),
       count(*) / weeks
FROM v, p GROUP BY rep ORDER BY rep;
