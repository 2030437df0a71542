# Three deals of 7 days each: sd is 0 (defined: no spread), every quantile
# 7; the curve falls from 1 to 0 at 7 days. In a 7-day histogram all three
# are in the bucket 7-14 (a bucket includes its lower bound), after an
# empty 0-7 bucket.
printf '%s\n' id,created_at,close_date,stage a,2024-01-01,2024-01-08,Won \
	b,2024-01-05,2024-01-12,Won c,2024-02-01,2024-02-08,Won >same.csv
funnel-cycle --survival --at 6,7 same.csv
funnel-cycle --histogram 7d same.csv
