# --week-start sunday: weeks run Sunday to Saturday, labelled by the
# Sunday.  data/retention/weeks.csv by Sunday week:
# W 2024-12-22..28: A (12-23), D (12-28)
# W 2024-12-29..2025-01-04: A (12-31), B (12-29), C (01-04)
# W 2025-01-05..11: B (01-05), C (01-06)
# Cohorts: 2024-12-22 {A,D}, 2024-12-29 {B,C}.  The latest date, 01-06,
# is not a Saturday: the week of 01-05 has not ended.
# 2024-12-22: p1 {A} 1/2.  2024-12-29: p1 empty.  all: p1 1/2.
# Then as of Saturday 2025-01-11, the last day of that week: 2024-12-22:
# p1 1/2, p2 (week of 01-05: B, C) 0/2; 2024-12-29: p1 {B,C} 2/2.
# all: p1 (1+2)/4 = 0.75, p2 0/2.
funnel-retention -P week --week-start sunday data/retention/weeks.csv
funnel-retention -P week --week-start sunday --asof 2025-01-11 data/retention/weeks.csv
