# --skip-bad skips each bad record (closed before created, a won deal without
# a close date, a duplicate key, a bad date), counts them on stderr and keeps
# them byte for byte with --rejects; the rest is measured: a 4, d 10 days.
# A duplicate is compared with the deals kept: the second "a" is rejected.
printf '%s\n' id,created_at,close_date,stage a,2024-01-01,2024-01-05,Won \
	b,2024-01-05,2024-01-04,Won c,2024-01-01,,Won a,2024-01-01,2024-01-02,Won \
	d,2024-01-01,2024-01-11,Won e,2024-01-01,2024-01-99,Won >deals.csv
funnel-cycle --rejects rejected.csv deals.csv
cat rejected.csv
