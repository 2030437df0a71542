# The default date, the latest date of the deals, does not depend on the
# order of the rows when two dates are the same instant: a created
# 2025-01-02T00:00+01:00 and b 2025-01-01T23:00Z are one instant, written
# on different days; the later date as written wins, 2025-01-02, either
# way round.
printf '%s\n' id,stage,created_at a,Lead,2025-01-02T00:00+01:00 b,Lead,2025-01-01T23:00Z |
	funnel-kpi | cut -d, -f1-2
printf '%s\n' id,stage,created_at b,Lead,2025-01-01T23:00Z a,Lead,2025-01-02T00:00+01:00 |
	funnel-kpi | cut -d, -f1-2 | tail -n 1
