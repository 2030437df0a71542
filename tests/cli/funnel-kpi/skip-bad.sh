# --skip-bad skips malformed records (an impossible date, a won deal closed
# before it was created), counts them on stderr, and --rejects keeps them
# byte for byte; the rest is measured: a won (10 days, 100), d lost:
#   deals 2, open 0, won 1, lost 1, win_rate 0.5000, conversion 0.5000,
#   mean = median 10.00, pipeline of no open deal 0.00, weighted 0.00,
#   avg won 100.00, velocity 0 open x ... = 0.00; date a's 2025-01-11.
printf '%s\n' id,stage,created_at,close_date,amount a,Won,2025-01-01,2025-01-11,100 \
	b,Won,2025-01-01,2025-02-30,50 c,Won,2025-01-05,2025-01-04,70 \
	d,Lost,2025-01-01,2025-01-03, >deals.csv
funnel-kpi --rejects rejected.csv deals.csv
cat rejected.csv
