# The bundled Maven export broken down by sales_agent; expected rows come from
# sqlite3 over the same file (furthest stage: Won > Engaging or an
# engage_date > Prospecting; lost = deal_stage Lost), groups in byte order.
# Ratios are formatted by awk's printf (C printf's rounding: sqlite's printf
# rounds exact ties differently). New columns: median_days and mean_days are
# empty because only Engaging has a date (engage_date): no step has a time
# at both ends. bottleneck (sqlite): per agent, the step with the lowest
# step conversion among those whose previous stage has at least 30 deals
# (--min-count), the earlier step on a tie. p_value and small_expected
# (python3, not GSL): Pearson chi-square across the agents per step, no
# continuity correction, agents with nobody entering the step left out,
# tail probability from the closed forms for an integer number of degrees
# of freedom; small_expected when an expected count is below 5; a p-value
# below 0.0001 in e-notation, as awk's %.1e writes it.
funnel-stages --key opportunity_id --stage deal_stage --by sales_agent \
	--stages Prospecting,Engaging,Won --lost Lost \
	--stage-date Engaging=engage_date <examples/sales_pipeline.csv >got.csv || exit 1
sqlite3 -separator , :memory: >counts.csv <<'SQL'
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
  FROM (SELECT DISTINCT g FROM d) AS a, s),
neck AS (
  SELECT g, k FROM (
    SELECT c.g, c.k, row_number() OVER (
             PARTITION BY c.g ORDER BY 1.0 * c.reached / p.reached, c.k) AS rn
    FROM c JOIN c AS p ON p.g = c.g AND p.k = c.k - 1
    WHERE p.reached >= 30)
  WHERE rn = 1)
SELECT c.g, c.k, c.name, c.reached, coalesce(p.reached, f.reached), f.reached,
       c.lost, EXISTS (SELECT 1 FROM neck WHERE neck.g = c.g AND neck.k = c.k)
FROM c LEFT JOIN c AS p ON p.g = c.g AND p.k = c.k - 1
       JOIN c AS f ON f.g = c.g AND f.k = 0
ORDER BY c.g COLLATE BINARY, c.k;
SQL
python3 - >tests.csv <<'PY'
import csv, math

def tail(x, df):
    """P(chi-square with df degrees of freedom > x), df a positive integer."""
    if df % 2 == 0:
        term = total = math.exp(-x / 2)
        for i in range(1, df // 2):
            term *= x / (2 * i)
            total += term
        return total
    total = math.erfc(math.sqrt(x / 2))
    term = math.sqrt(2 * x / math.pi) * math.exp(-x / 2)
    for i in range(1, (df + 1) // 2):
        total += term
        term *= x / (2 * i + 1)
    return total

steps = {}
for g, k, name, reached, prev, first, lost, neck in csv.reader(open("counts.csv")):
    if int(k) > 0 and int(prev) > 0:
        steps.setdefault(int(k), []).append((int(reached), int(prev)))
for k, groups in sorted(steps.items()):
    n = sum(t for _, t in groups)
    yes = sum(r for r, _ in groups)
    if len(groups) < 2 or yes == 0 or yes == n:
        print(f"{k},,")
        continue
    stat, small = 0.0, False
    for r, t in groups:
        ey = t * yes / n
        en = t - ey
        stat += (r - ey) ** 2 / ey + (t - r - en) ** 2 / en
        small = small or ey < 5 or en < 5
    print(f"{k},{tail(stat, len(groups) - 1)!r},{int(small)}")
PY
awk -F, '
BEGIN { print "sales_agent,stage,reached,step_conversion,overall_conversion,dropped,lost,median_days,mean_days,bottleneck,p_value,small_expected" }
NR == FNR { p[$1] = $2; small[$1] = $3; next }
{
	step = $5 ? sprintf("%.4f", $4 / $5) : ""
	overall = $6 ? sprintf("%.4f", $4 / $6) : ""
	pv = $2 > 0 && p[$2] != "" ? sprintf(p[$2] > 0 && p[$2] < 0.0001 ? "%.1e" : "%.4f", p[$2]) : ""
	se = $2 > 0 ? small[$2] : ""
	printf "%s,%s,%d,%s,%s,%d,%d,,,%d,%s,%s\n", $1, $3, $4, step, overall, $5 - $4, $7, $8, pv, se
}' tests.csv counts.csv >want.csv
diff want.csv got.csv && echo "same ($(($(wc -l <got.csv) - 1)) rows)"
