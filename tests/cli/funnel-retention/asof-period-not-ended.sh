# Completeness rule, the side that is not over: as of 2024-04-29, the day
# before April's last, April has not ended, so every April cell is empty
# and there is no p3.  E's order of 2024-04-30 comes after --asof: left
# out, with a warning (1 row).  Hand count on data/retention/orders.csv:
# Jan {A,B,C}: p1 {A} 1/3, p2 {B} 1/3.  Feb {D,E}: p1 {D} 1/2, p2 (April)
# empty.  Mar {F}: p1 (April) empty.  all: p1 over Jan and Feb only,
# (1+1)/5 = 0.4; p2 Jan only 1/3.
funnel-retention --asof 2024-04-29 data/retention/orders.csv
