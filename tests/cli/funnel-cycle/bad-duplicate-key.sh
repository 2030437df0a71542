# A snapshot has one row per deal: a key seen again is bad data (65) naming
# both lines. Without a key column there is nothing to compare.
printf '%s\n' opportunity_id,created_at,close_date,stage A1,2024-01-01,2024-01-05,Won \
	B2,2024-01-02,,Open A1,2024-01-01,2024-01-09,Won >dup.csv
funnel-cycle dup.csv; echo "exit $?"
cut -d, -f2- dup.csv | funnel-cycle
