# --by and --period: Lead 10%, Demo 50%; deals (region, stage, amount,
# close date):
#   a N Lead 1000 2025-01-15    b N Demo 2000 2025-02-03
#   c N Demo 3000 2025-02-28    d S Lead 4000 2025-03-31
#   e S Demo  500 2025-04-01    f S Lead  600 (blank)
#   g N Lead  700 2025-01-31
# By region and month (a blank close date is a blank period, first):
#   N 2025-01: a, g  1700  100 + 70 = 170      0.1 + 0.1 = 0.2
#   N 2025-02: b, c  5000  1000 + 1500 = 2500  0.5 + 0.5 = 1
#   S (blank): f      600   60                 0.1
#   S 2025-03: d     4000  400                 0.1
#   S 2025-04: e      500  250                 0.5
# By quarter, no --by (labels as funnel-retention's: 2025-Q1):
#   (blank) f 600 60 0.1; 2025-Q1 a b c d g 10700, 100 + 1000 + 1500 +
#   400 + 70 = 3070, 0.1 + 0.5 + 0.5 + 0.1 + 0.1 = 1.3; 2025-Q2 e 500 250 0.5
# By region alone: N a b c g 6700, 2670, 1.2; S d e f 5100, 710, 0.7.
printf '%s\n' id,region,stage,amount,expected_close \
	a,N,Lead,1000,2025-01-15 b,N,Demo,2000,2025-02-03 c,N,Demo,3000,2025-02-28 \
	d,S,Lead,4000,2025-03-31 e,S,Demo,500,2025-04-01 f,S,Lead,600, \
	g,N,Lead,700,2025-01-31 >d.csv
p=Lead=10%,Demo=50%
funnel-score --forecast --stage-prob $p -b region --close-date expected_close \
	--period month d.csv
funnel-score --forecast --stage-prob $p --close-date expected_close \
	--period quarter d.csv
funnel-score --forecast --stage-prob $p -b region d.csv
# The close date found by its usual names (close_date, CloseDate, ...).
sed 1s/expected_close/CloseDate/ d.csv >sf.csv
funnel-score --forecast --stage-prob $p --period quarter sf.csv | tail -n 1
# The close date is read for --period only: a date that is none is a data
# error at its cell then (65), and no matter without --period.
printf '%s\n' id,stage,amount,close_date a,Demo,100,2025-02-30 >bad.csv
funnel-score --forecast --stage-prob $p bad.csv
funnel-score --forecast --stage-prob $p --period month bad.csv
echo "exit $?"
