# As week-monday.sh, as of Sunday 2025-01-12, the last day of the week of
# 2025-01-06, which so has ended.  2024-12-23 {A,B,D}: p1 {A,B} 2/3, p2
# (week of 01-06: only C) 0/3.  2024-12-30 {C}: p1 {C} 1/1.
# all: p1 (2+1)/4 = 0.75, p2 0/3.
funnel-retention --period week --asof 2025-01-12 data/retention/weeks.csv
