# Cycles are measured as funnel-cycle(1) measures them: calendar days when
# either cell is a date without a time, days of 86,400 s between instants
# when both carry a time. Only won deals count.
#   a: 2025-01-01T12:00 -> 2025-01-02T18:00, both times: 30 h = 1.25
#   b: 2025-01-01 23:00 -> 2025-01-02, one a bare date: 1 calendar day
#   c: 2025-01-01 -> 2025-01-08: 7
#   d: 2025-01-31 -> 2025-03-01 (2025 is no leap year): 28 + 1 = 29
#   e: lost after 31 days, f: open -- neither is a cycle.
# mean (1.25 + 1 + 7 + 29) / 4 = 38.25 / 4 = 9.5625 -> 9.56
# median (1.25 + 7) / 2 = 4.125, exactly halfway, printed as printf rounds
#   an exact binary tie (to even): 4.12
# date: d's close date, 2025-03-01.
printf '%s\n' 'id,stage,created_at,close_date' \
	'a,Won,2025-01-01T12:00:00,2025-01-02T18:00:00' \
	'b,Won,2025-01-01 23:00,2025-01-02' \
	'c,Won,2025-01-01,2025-01-08' \
	'd,Won,2025-01-31,2025-03-01' \
	'e,Lost,2025-01-01,2025-02-01' \
	'f,Proposal,2025-01-05,' >deals.csv
funnel-kpi deals.csv | cut -d, -f1-5,8,9
