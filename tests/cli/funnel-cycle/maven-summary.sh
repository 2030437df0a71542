# --summary --amount close_value on the Maven export, by sales_agent and
# overall. Expected from sqlite3 (counts; won deals' days as julianday
# differences and close_value, summed) and awk (win rate = won / (won +
# lost), mean won days, average won amount, velocity = open * average *
# win rate / mean days), printf-rounded. Open = Engaging + Prospecting
# (the 500 Prospecting deals count as open opportunities though they have
# no engage_date).
funnel-cycle --summary --amount close_value --by sales_agent examples/sales_pipeline.csv >got.csv || exit 1
sqlite3 -separator , :memory: >sums.csv <<'SQL'
.import --csv examples/sales_pipeline.csv p
CREATE VIEW d AS SELECT sales_agent AS g, deal_stage AS s,
  CAST(julianday(close_date) - julianday(engage_date) AS INTEGER) AS days,
  close_value AS v FROM p;
SELECT g, count(*), sum(s IN ('Engaging', 'Prospecting')), sum(s = 'Won'), sum(s = 'Lost'),
  sum(CASE WHEN s = 'Won' THEN days END), sum(CASE WHEN s = 'Won' THEN v END)
FROM d GROUP BY g ORDER BY g COLLATE BINARY;
SELECT '', count(*), sum(s IN ('Engaging', 'Prospecting')), sum(s = 'Won'), sum(s = 'Lost'),
  sum(CASE WHEN s = 'Won' THEN days END), sum(CASE WHEN s = 'Won' THEN v END)
FROM d;
SQL
awk -F, '
BEGIN { print "sales_agent,deals,open,won,lost,win_rate,mean_won_days,avg_won_amount,sales_velocity" }
{
	rate = $4 / ($4 + $5); mean = $6 / $4; avg = $7 / $4
	printf "%s,%d,%d,%d,%d,%.4f,%.2f,%.2f,%.2f\n", $1, $2, $3, $4, $5, rate, mean, avg, $3 * avg * rate / mean
}' sums.csv >want.csv
diff want.csv got.csv && echo "same ($(($(wc -l <got.csv) - 2)) agents and all deals)"
tail -1 got.csv
