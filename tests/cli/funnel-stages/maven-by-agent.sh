# The bundled Maven export broken down by sales_agent; expected rows come from
# sqlite3 over the same file (furthest stage: Won > Engaging or an
# engage_date > Prospecting; lost = deal_stage Lost), groups in byte order.
funnel-stages --key opportunity_id --stage deal_stage --by sales_agent \
	--stages Prospecting,Engaging,Won --lost Lost \
	--stage-date Engaging=engage_date <examples/sales_pipeline.csv >got.csv || exit 1
sqlite3 -separator , :memory: >want.csv <<'SQL'
.import --csv examples/sales_pipeline.csv p
WITH d AS (
  SELECT sales_agent AS g, deal_stage,
         CASE WHEN deal_stage = 'Won' THEN 2
              WHEN deal_stage = 'Engaging' OR engage_date <> '' THEN 1
              ELSE 0 END AS furthest
  FROM p),
s(k, name) AS (VALUES (0, 'Prospecting'), (1, 'Engaging'), (2, 'Won')),
c AS (
  SELECT g, k, name,
         (SELECT count(*) FROM d WHERE d.g = a.g AND furthest >= k) AS reached,
         (SELECT count(*) FROM d WHERE d.g = a.g AND furthest = k AND deal_stage = 'Lost') AS lost
  FROM (SELECT DISTINCT g FROM d) AS a, s)
SELECT 'sales_agent', 'stage', 'reached', 'step_conversion', 'overall_conversion', 'dropped', 'lost'
UNION ALL
SELECT * FROM (
SELECT c.g, c.name, c.reached,
       CASE WHEN c.k = 0 THEN printf('%.4f', CASE WHEN c.reached = 0 THEN NULL ELSE 1.0 END)
            WHEN p.reached = 0 THEN ''
            ELSE printf('%.4f', 1.0 * c.reached / p.reached) END,
       CASE WHEN f.reached = 0 THEN '' ELSE printf('%.4f', 1.0 * c.reached / f.reached) END,
       CASE WHEN c.k = 0 THEN 0 ELSE p.reached - c.reached END,
       c.lost
FROM c LEFT JOIN c AS p ON p.g = c.g AND p.k = c.k - 1
       JOIN c AS f ON f.g = c.g AND f.k = 0
ORDER BY c.g COLLATE BINARY, c.k);
SQL
tr -d '\r' <want.csv | diff - got.csv && echo "same ($(($(wc -l <got.csv) - 1)) rows)"
