# Days: calendar days between the dates when either cell is a date only (it
# says which day, not when in it); when both carry a time, the instants'
# difference in days of 86,400 seconds, UTC offsets counted. By hand:
# a 12:00 -> next day 18:00 = 1.25; b 23:00 -> next day (a date) = 1;
# c 2024-03-30 -> 2024-04-02 = 3; d 10:00+02:00 (08:00Z) -> 20:00Z = 0.5;
# e 12:00-05:00 (17:00Z) -> two days later 12:00-04:00 (16:00Z) = 47 h =
# 1.9583. Sorted 0.5, 1, 1.25, 1.9583, 3: mean 1.5417, sd 0.9700, p25 1,
# p75 1.9583, p90 1.9583 + 0.6 * 1.0417 = 2.5833.
printf '%s\n' id,created_at,close_date,stage \
	a,2024-01-01T12:00:00,2024-01-02T18:00:00,Won \
	'b,2024-01-01 23:00,2024-01-02,Won' \
	c,2024-03-30,2024-04-02,Won \
	d,2024-05-01T10:00+02:00,2024-05-01T20:00Z,Won \
	e,2024-03-09T12:00-05:00,2024-03-11T12:00-04:00,Won |
	funnel-cycle -p 4
