# --asof earlier than the data: as of 2024-03-31 (March's last day) the
# April rows of A and E are left out (2 rows, a warning), March has ended.
# Hand count on data/retention/orders.csv without those rows: Jan {A,B,C}:
# p1 {A} 1/3, p2 {B} 1/3; Feb {D,E}: p1 {D} 1/2; Mar {F}: p0 only.
# all: p1 (1+1)/5, p2 1/3.  E keeps its February cohort: only rows after
# --asof are dropped, not customers.
funnel-retention --asof 2024-03-31 data/retention/orders.csv
