# Quarters, labelled 2024-Q1, across a year boundary.  By quarter, from
# data/retention/quarters.csv: A 2023-Q4 (11-15), 2024-Q1 (01-10); B
# 2023-Q4 (12-31), 2024-Q2 (06-30); C 2024-Q1 (03-31), 2024-Q2 (04-01).
# The latest date, 2024-06-30, is Q2's last day: Q2 has ended.
# 2023-Q4 {A,B}: p1 {A} 1/2, p2 {B} 1/2.  2024-Q1 {C}: p1 {C} 1/1.
# all: p1 (1+1)/3, p2 1/2.
# As of 2024-06-29 Q2 has not ended (B's row of 06-30 is left out):
# 2023-Q4 p1 1/2; 2024-Q1 p1 empty; all p1 1/2.
funnel-retention --period quarter data/retention/quarters.csv
funnel-retention --period quarter --asof 2024-06-29 data/retention/quarters.csv
