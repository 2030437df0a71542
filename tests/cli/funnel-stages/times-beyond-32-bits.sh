# First-entry times are kept as 32-bit seconds from the first time seen
# while they fit (stages-reach.c); a time more than 68 years away, or with
# a fraction of a second, widens them all to microseconds mid-run.
# Days from A to B, by hand: d1 2; d2 1950-01-01 -> 2030-01-01 is
# 80 * 365 + 20 leap days = 29220; d3 exactly 1 (both at .5 s).
# Median and mean of {2, 29220}: 14611; of {2, 1}: 1.50.
printf '%s\n' deal,stage,entered_at d1,A,2024-01-01T00:00:00Z d1,B,2024-01-03T00:00:00Z \
	d2,A,1950-01-01T00:00:00Z d2,B,2030-01-01T00:00:00Z >span.csv
printf '%s\n' deal,stage,entered_at d1,A,2024-01-01T00:00:00Z d1,B,2024-01-03T00:00:00Z \
	d3,A,2024-01-01T00:00:00.5Z d3,B,2024-01-02T00:00:00.500Z >fraction.csv
funnel-stages -f csv --stages A,B span.csv | cut -d, -f1,2,7,8
funnel-stages -f csv --stages A,B fraction.csv | cut -d, -f1,2,7,8
