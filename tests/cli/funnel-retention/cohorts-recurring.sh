# --cohorts recurring: a customer belongs to the cohort of every month it
# was active. Hand count on data/retention/orders.csv; active per month:
# Jan {A,B,C}, Feb {A,D,E}, Mar {B,D,F}, Apr {A,E}.
# Jan: p1 {A} 1/3, p2 {B} 1/3, p3 {A} 1/3.
# Feb: p1 {D} 1/3, p2 {A,E} 2/3.  Mar: p1 nobody 0/3.
# Apr {A,E}: a cohort too (April has ended): p0 only.
# all: size 3+3+3+2 = 11; p1 (1+1+0)/9, p2 (1+2)/6 = 0.5, p3 1/3.
funnel-retention --cohorts recurring data/retention/orders.csv
