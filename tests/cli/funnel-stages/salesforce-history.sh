# Salesforce OpportunityHistory (long layout, auto-detected OpportunityId /
# StageName / CreatedDate) with examples/salesforce-stages.txt. Expected rows
# from awk + sqlite3: the stage order is read from the stages file, each
# OpportunityId counts at its furthest stage (the file has no lost rows: the
# query says so if that changes), reached = deals at or beyond each stage.
# New columns, also from sqlite3: median_days / mean_days over the deals that
# entered both the previous stage and this one (first CreatedDate of each,
# the later not earlier), median by linear interpolation (R type 7: the mean
# of the two middle values for an even count); bottleneck = the step with
# the lowest step conversion among those whose previous stage has at least
# 30 deals (--min-count), the earlier step on a tie. In this export every
# opportunity has rows for one stage only, so no step has a time: the
# median and mean are empty. Numbers are formatted by awk's printf (C
# printf's rounding: sqlite's printf rounds exact ties differently).
awk '!/^#/ && !/=/ && NF { print n++ "," $0 }' examples/salesforce-stages.txt >order.csv
funnel-stages --stages-file examples/salesforce-stages.txt \
	<data/salesforce/OpportunityHistory.csv >got.csv || exit 1
sqlite3 -separator , :memory: >rows.csv <<'SQL'
.import --csv data/salesforce/OpportunityHistory.csv h
CREATE TABLE s(k INTEGER, name TEXT);
.import --csv order.csv s
SELECT 'unexpected stage ' || StageName FROM h WHERE StageName NOT IN (SELECT name FROM s);
WITH d AS (SELECT OpportunityId, max(s.k) AS furthest FROM h JOIN s ON s.name = h.StageName
           GROUP BY OpportunityId),
c AS (SELECT k, name, (SELECT count(*) FROM d WHERE furthest >= k) AS reached FROM s),
entered AS (SELECT h.OpportunityId AS id, s.k, min(julianday(h.CreatedDate)) AS t
            FROM h JOIN s ON s.name = h.StageName GROUP BY 1, 2),
gap AS (SELECT b.k, b.t - a.t AS days
        FROM entered AS a JOIN entered AS b ON b.id = a.id AND b.k = a.k + 1
        WHERE b.t >= a.t),
ranked AS (SELECT k, days, row_number() OVER (PARTITION BY k ORDER BY days) AS i,
                  count(*) OVER (PARTITION BY k) AS n FROM gap),
med AS (SELECT k, avg(days) AS median FROM ranked
        WHERE i IN ((n + 1) / 2, (n + 2) / 2) GROUP BY k),
mean AS (SELECT k, avg(days) AS mean FROM gap GROUP BY k),
neck AS (SELECT c.k FROM c JOIN c AS p ON p.k = c.k - 1 WHERE p.reached >= 30
         ORDER BY 1.0 * c.reached / p.reached, c.k LIMIT 1)
SELECT c.name, c.reached, coalesce(p.reached, f.reached), f.reached,
       med.median, mean.mean, c.k IN (SELECT k FROM neck)
FROM c LEFT JOIN c AS p ON p.k = c.k - 1 JOIN c AS f ON f.k = 0
       LEFT JOIN med ON med.k = c.k LEFT JOIN mean ON mean.k = c.k
ORDER BY c.k;
SQL
awk -F, '
BEGIN { print "stage,reached,step_conversion,overall_conversion,dropped,lost,median_days,mean_days,bottleneck" }
NF != 7 { print; next }
{
	median = $5 == "" ? "" : sprintf("%.2f", $5)
	mean = $6 == "" ? "" : sprintf("%.2f", $6)
	printf "%s,%d,%.4f,%.4f,%d,0,%s,%s,%d\n", $1, $2, $2 / $3, $2 / $4, $3 - $2, median, mean, $7
}' rows.csv >want.csv
diff want.csv got.csv && echo "same ($(($(wc -l <got.csv) - 1)) stages)"
cat got.csv
