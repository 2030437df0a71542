# recurring cohorts counted on-or-after. Hand count on
# data/retention/orders.csv (last active month: A Apr, B Mar, D Mar, E Apr,
# C Jan, F Mar).  Jan {A,B,C}: p1 {A,B} 2/3, p2 {A,B} 2/3, p3 {A} 1/3.
# Feb {A,D,E}: p1 {A,D,E} 3/3, p2 {A,E} 2/3.  Mar {B,D,F}: p1 0/3.
# Apr {A,E}: p0.  all: p1 (2+3+0)/9 = 0.5556, p2 (2+2)/6, p3 1/3.
funnel-retention -c recurring --on-or-after data/retention/orders.csv
