# Duration units: 90m and 5400s are one window, 3600s another. Ordered.
# A: Lead 10:00, Qualified 11:30 (90 min). B: Lead 10:00, Qualified 11:00.
# 90m / 5400s: both convert; days 0.0625 and 0.0417 -> median = mean =
# 0.0521 -> 0.05. 3600s: only B; days 0.0417 -> 0.04.
printf '%s\n' 'deal,stage,entered_at' \
	'A,Lead,2025-01-01T10:00:00' 'A,Qualified,2025-01-01T11:30:00' \
	'B,Lead,2025-01-01T10:00:00' 'B,Qualified,2025-01-01T11:00:00' >in.csv
for w in 90m 5400s 3600s; do
	echo "== $w"
	funnel-stages --mode ordered --within $w --stages Lead,Qualified in.csv
done
