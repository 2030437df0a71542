# The bundled Maven export, furthest-stage funnel; expected counts come from
# sqlite3 over the same file (not from funnel-stages), the ratios are
# formatted by awk's printf (C printf's rounding: sqlite's printf rounds
# exact ties differently). New columns: median_days and mean_days are empty
# because only Engaging has a date (engage_date): no step has a time at both
# ends. bottleneck (sqlite): the step with the lowest step conversion among
# those whose previous stage has at least 30 deals (--min-count), the
# earlier step on a tie.
funnel-stages --key opportunity_id --stage deal_stage \
	--stages Prospecting,Engaging,Won --lost Lost \
	--stage-date Engaging=engage_date <examples/sales_pipeline.csv >got.csv || exit 1
sqlite3 -separator , :memory: >counts.csv <<'SQL'
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
  FROM s),
neck AS (
  SELECT c.k FROM c JOIN c AS p ON p.k = c.k - 1
  WHERE p.reached >= 30
  ORDER BY 1.0 * c.reached / p.reached, c.k LIMIT 1)
SELECT c.name, c.reached, coalesce(p.reached, f.reached), f.reached, c.lost,
       c.k IN (SELECT k FROM neck)
FROM c LEFT JOIN c AS p ON p.k = c.k - 1 JOIN c AS f ON f.k = 0
ORDER BY c.k;
SQL
awk -F, '
BEGIN { print "stage,reached,step_conversion,overall_conversion,dropped,lost,median_days,mean_days,bottleneck" }
{ printf "%s,%d,%.4f,%.4f,%d,%d,,,%d\n", $1, $2, $2 / $3, $2 / $4, $3 - $2, $5, $6 }
' counts.csv >want.csv
diff want.csv got.csv && echo same
