# --asof later than the data: as of 2024-06-30 May and June have ended,
# and nobody came back in them: those cells are 0, not empty.  Hand count
# on data/retention/orders.csv: Jan: p1-p3 1/3 each (as month-first.sh),
# p4 May 0, p5 June 0.  Feb: p1 1/2, p2 1/2, p3 May 0, p4 June 0, p5 July
# empty.  Mar: p1-p3 0, p4 July empty.  all (cohorts having the offset,
# cohort+k <= June): p1 2/6, p2 2/6, p3 (1+0+0)/6 = 0.1667, p4 0/5, p5 0/3.
funnel-retention --asof 2024-06-30 data/retention/orders.csv
