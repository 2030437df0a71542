# Weeks start on Monday and are labelled by their first day, across the
# year boundary (2024-12-30 is a Monday, 2025-01-05 a Sunday; checked with
# python3's date.strftime('%A')).  data/retention/weeks.csv by Monday week:
# W 2024-12-23..29: A (12-23), B (12-29), D (12-28)
# W 2024-12-30..2025-01-05: A (12-31), B (01-05), C (01-04)
# W 2025-01-06..12: C (01-06)
# Cohorts: 2024-12-23 {A,B,D}, 2024-12-30 {C}.  The latest date, 01-06, is
# a Monday: its week has not ended, so p1 of 2024-12-30 is empty.
# 2024-12-23: p1 {A,B} 2/3.  all: p1 2/3 (the one cohort that has it).
funnel-retention -P week data/retention/weeks.csv
