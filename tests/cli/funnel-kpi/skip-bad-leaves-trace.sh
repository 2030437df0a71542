# Was a bug, fixed: with --skip-bad a skipped record leaves a trace. funnel-cycle(1)
# (EXIT STATUS, --skip-bad): "A skipped record leaves no trace: a key is
# compared only with the deals kept." funnel-kpi registers the key and the
# dates of a record before it checks the record's cycle, so here line 2
# (a closed before it was created: skipped) makes line 3, the same deal
# written correctly, a "duplicate" (skipped too), and its created date
# 2025-03-05 becomes the KPIs' date.
# Expected by hand: 1 record skipped; kept a (won, 10 days) and b (lost):
#   deals 2, open 0, won 1, lost 1, win_rate 1/2 = 0.5000, conversion
#   0.5000, mean = median = 10.00; date: the latest date of the kept rows,
#   a's close date 2025-01-11.
printf '%s\n' id,stage,created_at,close_date a,Won,2025-03-05,2025-03-04 \
	a,Won,2025-01-01,2025-01-11 b,Lost,2025-01-01,2025-01-05 >deals.csv
funnel-kpi --skip-bad deals.csv | cut -d, -f1-9
