-- check.sql - the four reports of expected.py computed a second way, by
-- SQLite, from the same four files (check.sh imports them as tables v, d,
-- h and s, and the outcome aliases as a, and compares).  Numbers are left unrounded: check.sh compares
-- them with expected-*.csv to half a unit of the printed last decimal.
-- Every column .import makes is text; dates are YYYY-MM-DD, so julianday()
-- differences are whole days.
.mode csv
.headers off
.nullvalue ''

-- The outcome vocabulary and its aliases (table a, the spec's table in
-- tests/bench/outcomes.csv), trimmed and case-folded (lower() folds ASCII
-- only, and the Chinese aliases have no case); blank is unrecorded.
CREATE TABLE vn AS
SELECT v.*, CASE WHEN trim(v.outcome) = '' THEN 'unrecorded' ELSE a.outcome END AS norm
FROM v LEFT JOIN a ON a.label = lower(trim(v.outcome));
.output unknown.out
SELECT DISTINCT outcome FROM vn WHERE norm IS NULL;

-- reps: the whole log, then per rep (bytewise: BINARY collation).
CREATE VIEW period AS
SELECT (julianday(max(visit_date)) - julianday(min(visit_date)) + 1) / 7.0 AS weeks,
       max(visit_date) AS asof FROM v;
-- Every visit twice: under its rep, and under NULL for the whole log.
CREATE VIEW reps AS
SELECT k, count(*) AS visits, count(DISTINCT nullif(deal_id, '')) AS deals,
       count(DISTINCT nullif(customer_id, '')) AS customers,
       sum(deal_id <> '') * 1.0 / nullif(count(DISTINCT nullif(deal_id, '')), 0) AS vpd,
       sum(norm = 'order') AS o, sum(norm = 'advance') AS a,
       sum(norm = 'continuation') AS c, sum(norm = 'no-sale') AS n,
       sum(norm = 'unrecorded') AS u,
       (sum(norm = 'order') + sum(norm = 'advance')) * 1.0
           / nullif(count(*) - sum(norm = 'unrecorded'), 0) AS advance_rate,
       sum(trim(objective) <> '') * 1.0 / count(*) AS objective_rate,
       sum(trim(next_step) <> '') * 1.0 / count(*) AS next_step_rate,
       count(*) / (SELECT weeks FROM period) AS vpw
FROM (SELECT vn.*, rep AS k FROM vn UNION ALL SELECT vn.*, NULL FROM vn)
GROUP BY k;
.output reps.out
SELECT visits, deals, customers, vpd, o, a, c, n, u, advance_rate,
       objective_rate, next_step_rate, vpw FROM reps WHERE k IS NULL;
.output reps-by-rep.out
SELECT * FROM reps WHERE k IS NOT NULL ORDER BY k;

-- stale: open deals never visited (by deal), then those whose last visit
-- is more than 30 days before asof (days descending, then deal).
.output stale.out
WITH dv AS (SELECT deal_id, max(visit_date) AS last, count(*) AS n
            FROM v WHERE deal_id <> '' GROUP BY deal_id),
x AS (SELECT d.deal_id, d.owner, d.stage, dv.last, coalesce(dv.n, 0) AS n,
             CAST(julianday((SELECT asof FROM period)) - julianday(dv.last) AS INTEGER) AS days
      FROM d LEFT JOIN dv USING (deal_id) WHERE lower(trim(d.status)) = 'open')
SELECT deal_id, owner, stage, last, days, n FROM x
WHERE last IS NULL OR days > 30
ORDER BY last IS NOT NULL, days DESC, deal_id;

-- coverage: per segment, then the visits of customers absent from s.
.output coverage.out
WITH pc AS (SELECT customer_id, count(*) AS n FROM v GROUP BY customer_id),
seg AS (SELECT segment, count(*) AS customers, count(pc.n) AS visited,
               count(pc.n) * 1.0 / count(*) AS coverage,
               coalesce(sum(pc.n), 0) AS visits,
               coalesce(sum(pc.n), 0) * 1.0 / count(*) AS vpc
        FROM s LEFT JOIN pc USING (customer_id) GROUP BY segment),
un AS (SELECT '(unsegmented)' AS segment, NULL AS customers,
              count(DISTINCT customer_id) AS visited, NULL AS coverage,
              count(*) AS visits, NULL AS vpc
       FROM v WHERE customer_id NOT IN (SELECT customer_id FROM s))
SELECT segment, customers, visited, coverage, visits, vpc
FROM (SELECT *, 0 AS k FROM seg UNION ALL SELECT *, 1 FROM un WHERE visits > 0)
ORDER BY k, segment;

-- conversion: a stage's rank by -S (1-4), Closed Won the 5th, Closed Lost
-- none.  The stage at a visit: the highest rank entered on a day before
-- it (0 if none); converted: a higher rank entered 0-14 days after it.
.output conversion.out
WITH hr AS (SELECT deal_id, julianday(entered_at) AS day,
                   CASE stage WHEN 'Prospecting' THEN 1 WHEN 'Qualification' THEN 2
                   WHEN 'Proposal' THEN 3 WHEN 'Negotiation' THEN 4
                   WHEN 'Closed Won' THEN 5 END AS rank
            FROM h),
m AS (SELECT vn.rowid AS id, vn.norm, julianday(vn.visit_date) AS day, vn.deal_id,
             EXISTS (SELECT 1 FROM h WHERE h.deal_id = vn.deal_id) AS matched,
             coalesce((SELECT max(rank) FROM hr WHERE hr.deal_id = vn.deal_id
                       AND hr.day < julianday(vn.visit_date)), 0) AS at
      FROM vn),
c AS (SELECT norm, matched,
             matched AND EXISTS (SELECT 1 FROM hr WHERE hr.deal_id = m.deal_id
                                 AND hr.rank > m.at AND hr.day - m.day BETWEEN 0 AND 14) AS conv
      FROM m)
SELECT norm, count(*), sum(matched), sum(conv), sum(conv) * 1.0 / nullif(sum(matched), 0)
FROM c GROUP BY norm
ORDER BY CASE norm WHEN 'order' THEN 1 WHEN 'advance' THEN 2 WHEN 'continuation' THEN 3
         WHEN 'no-sale' THEN 4 ELSE 5 END;
