# The default --asof, the latest date in the input, does not depend on the
# order of the rows when two dates are the same instant.  Latest first,
# then the later date as written, then the one with a time of day.
# 1) w closed 2025-01-02T00:00+01:00 and l 2025-01-01T23:00Z: the same
#    instant, written on different days; 2025-01-02 wins.  Created
#    2024-12-01 (no time: calendar days): w won at 32 days, l lost and
#    censored at 31, o open censored at 2025-01-02: 32.  At 32 days w and
#    o are at risk: S = 1 - 1/2 = 0.5000 (at 2025-01-01 o would be
#    censored at 31 and S 0).
# 2) w closed 2025-01-02 (a date: its midnight, UTC) and l
#    2025-01-02T01:00+01:00: the same instant and day; the time of day
#    wins, so o (created 2024-12-31T12:00Z) is censored at 1.5 days (at 2
#    days, by calendar, against the date).  e is won at 1.75 days
#    (2024-12-30T06:00Z to 2025-01-01T01:00+01:00), when e, w and l are at
#    risk: S(2) = 2/3 = 0.6667 (3/4 with o); S(32) = 2/3 x 1/2 = 0.3333,
#    w's 32 calendar days and l censored at 32.  (A clock of 00:00 would be
#    a date alone: funnel-input(7).)
# Each in both row orders, the same bytes.
printf '%s\n' id,created_at,close_date,stage w,2024-12-01,2025-01-02T00:00+01:00,Won \
	l,2024-12-01,2025-01-01T23:00Z,Lost o,2024-12-01,,Open >a.csv
printf '%s\n' id,created_at,close_date,stage l,2024-12-01,2025-01-01T23:00Z,Lost \
	w,2024-12-01,2025-01-02T00:00+01:00,Won o,2024-12-01,,Open >b.csv
funnel-cycle --survival --at 31,32 a.csv | cut -d, -f10,14-
funnel-cycle --survival --at 31,32 b.csv | cut -d, -f10,14- | tail -n 1
printf '%s\n' id,created_at,close_date,stage w,2024-12-01,2025-01-02,Won \
	l,2024-12-01T00:00Z,2025-01-02T01:00+01:00,Lost e,2024-12-30T06:00Z,2025-01-01T01:00+01:00,Won \
	o,2024-12-31T12:00Z,,Open >c.csv
printf '%s\n' id,created_at,close_date,stage l,2024-12-01T00:00Z,2025-01-02T01:00+01:00,Lost \
	w,2024-12-01,2025-01-02,Won e,2024-12-30T06:00Z,2025-01-01T01:00+01:00,Won \
	o,2024-12-31T12:00Z,,Open >d.csv
funnel-cycle --survival --at 2,32 c.csv | cut -d, -f10,14-
funnel-cycle --survival --at 2,32 d.csv | cut -d, -f10,14- | tail -n 1
