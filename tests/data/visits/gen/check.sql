-- check.sql - the coverage and conversion reports of expected.py computed
-- a second way, by SQLite, from the same files; check.sh imports them as
-- tables h (visits), d (deals), hist (history), s (segments) and a (the
-- outcome aliases), computes reps and stale with the benchmark's SQLite
-- peers (tests/bench/sqlite/reps.sql, stale.sql), then reads this.
-- Numbers are left unrounded: check.sh compares them with expected-*.csv
-- to half a unit of the printed last decimal.  Every column .import makes
-- is text; dates are YYYY-MM-DD, so julianday() differences are whole days.
.mode csv
.headers off
.nullvalue ''

-- The outcome vocabulary and its aliases (table a, the spec's table in
-- tests/bench/outcomes.csv), trimmed and case-folded (lower() folds ASCII
-- only, and the Chinese aliases have no case); blank is unrecorded.
CREATE TABLE vn AS
SELECT h.*, CASE WHEN trim(h.outcome) = '' THEN 'unrecorded' ELSE a.outcome END AS norm
FROM h LEFT JOIN a ON a.label = lower(trim(h.outcome));
.output unknown.out
SELECT DISTINCT outcome FROM vn WHERE norm IS NULL;

-- coverage: per segment, then the visits of customers absent from s.
.output coverage.out
WITH pc AS (SELECT customer_id, count(*) AS n FROM h GROUP BY customer_id),
seg AS (SELECT segment, count(*) AS customers, count(pc.n) AS visited,
               count(pc.n) * 1.0 / count(*) AS coverage,
               coalesce(sum(pc.n), 0) AS visits,
               coalesce(sum(pc.n), 0) * 1.0 / count(*) AS vpc
        FROM s LEFT JOIN pc USING (customer_id) GROUP BY segment),
un AS (SELECT '(unsegmented)' AS segment, NULL AS customers,
              count(DISTINCT customer_id) AS visited, NULL AS coverage,
              count(*) AS visits, NULL AS vpc
       FROM h WHERE customer_id NOT IN (SELECT customer_id FROM s))
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
            FROM hist),
m AS (SELECT vn.rowid AS id, vn.norm, julianday(vn.visit_date) AS day, vn.deal_id,
             EXISTS (SELECT 1 FROM hist WHERE hist.deal_id = vn.deal_id) AS matched,
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
