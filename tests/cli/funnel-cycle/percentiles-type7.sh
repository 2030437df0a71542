# Percentiles by linear interpolation between order statistics (R type 7,
# datamash perc): for cycles 1, 2, 3, 4 the position is 1 + 3p, so p25
# 1.75, median 2.5, p75 3.25, p90 3.7; sd = sqrt(5/3) = 1.29.
# --percentiles 50,80,95 chooses others: 3.4 and 3.85; 50 is the median.
# -p 3 shows three digits.
printf '%s\n' id,created_at,close_date,stage a,2024-01-01,2024-01-02,Won \
	b,2024-01-01,2024-01-03,Won c,2024-01-01,2024-01-04,Won \
	d,2024-01-01,2024-01-05,Won >four.csv
funnel-cycle four.csv
funnel-cycle --percentiles 50,80,95 -p 3 four.csv
