# Day periods through a leap day (2024-02-29): data/retention/leap.csv.
# A 02-28, 02-29, 03-02; B 02-29, 03-01; C 03-01.  A day has ended on its
# own day, so the latest date (03-02) counts.
# 2024-02-28 {A}: p1 02-29 yes, p2 03-01 no, p3 03-02 yes.
# 2024-02-29 {B}: p1 03-01 yes, p2 03-02 no.  2024-03-01 {C}: p1 no.
# all: p1 (1+1+0)/3, p2 (0+0)/2, p3 1/1.
funnel-retention --period day data/retention/leap.csv
