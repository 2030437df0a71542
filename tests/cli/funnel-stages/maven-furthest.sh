# The bundled Maven export, furthest-stage funnel; expected counts come from
# sqlite3 over the same file (not from funnel-stages).
funnel-stages --key opportunity_id --stage deal_stage \
	--stages Prospecting,Engaging,Won --lost Lost \
	--stage-date Engaging=engage_date <examples/sales_pipeline.csv >got.csv || exit 1
sqlite3 -csv :memory: >want.csv <<'SQL'
.import --csv examples/sales_pipeline.csv p
WITH d AS (
  SELECT deal_stage,
         CASE WHEN deal_stage = 'Won' THEN 2
              WHEN deal_stage = 'Engaging' OR engage_date <> '' THEN 1
              ELSE 0 END AS furthest
  FROM p),
s(k, name) AS (VALUES (0, 'Prospecting'), (1, 'Engaging'), (2, 'Won')),
c AS (
  SELECT k, name,
         (SELECT count(*) FROM d WHERE furthest >= k) AS reached,
         (SELECT count(*) FROM d WHERE furthest = k AND deal_stage = 'Lost') AS lost
  FROM s)
SELECT 'stage', 'reached', 'step_conversion', 'overall_conversion', 'dropped', 'lost'
UNION ALL
SELECT * FROM (
SELECT c.name, c.reached,
       printf('%.4f', CASE WHEN c.k = 0 THEN 1.0 ELSE 1.0 * c.reached / p.reached END),
       printf('%.4f', 1.0 * c.reached / f.reached),
       CASE WHEN c.k = 0 THEN 0 ELSE p.reached - c.reached END,
       c.lost
FROM c LEFT JOIN c AS p ON p.k = c.k - 1 JOIN c AS f ON f.k = 0
ORDER BY c.k);
SQL
tr -d '\r' <want.csv | diff - got.csv && echo same
