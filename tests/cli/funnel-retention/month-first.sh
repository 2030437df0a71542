# Default run: cohorts by the month of the first order, rates of the cohort
# size. Hand count from data/retention/orders.csv (active months per
# customer: A Jan Feb Apr, B Jan Mar, C Jan, D Feb Mar, E Feb Apr, F Mar).
# Cohorts: Jan {A,B,C}, Feb {D,E}, Mar {F}; nobody is new in April.
# Jan: p1 A 1/3, p2 B 1/3, p3 A 1/3.  Feb: p1 D 1/2, p2 E 1/2.
# Mar: p1 0/1 (F never came back; C, active only in period 0, is the same
# for Jan).  The last date, 2024-04-30, is April's last day, so April has
# ended and p3 exists; May (Feb's p3, Mar's p2...) is empty, not 0.
# all: per offset, the cohorts that have it, weighted by size:
# p1 (1+1+0)/(3+2+1) = 2/6, p2 (1+1)/(3+2) = 0.4, p3 1/3.
funnel-retention data/retention/orders.csv
