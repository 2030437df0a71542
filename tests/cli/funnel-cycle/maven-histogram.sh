# --histogram 14d on the Maven export: won cycles in buckets of two weeks.
# Expected from sqlite3 (days) and awk (bucket = int(days / 14), share of
# 4,238); the table draws bars scaled to the largest bucket.
funnel-cycle --histogram 14d examples/sales_pipeline.csv >got.csv || exit 1
sqlite3 :memory: >days.txt <<'SQL'
.import --csv examples/sales_pipeline.csv p
SELECT CAST(julianday(close_date) - julianday(engage_date) AS INTEGER)
FROM p WHERE deal_stage = 'Won';
SQL
awk '{ b = int($1 / 14); c[b]++; n++; if (b > max) max = b }
END {
	print "bucket,count,share"
	for (b = 0; b <= max; b++)
		printf "%d-%d,%d,%.4f\n", 14 * b, 14 * (b + 1), c[b], c[b] / n
}' days.txt >want.csv
diff want.csv got.csv && cat got.csv
