# --on-or-after: a customer counts at offset k when active in cohort+k or
# any later period (unbounded retention), so each row never grows.
# Hand count on data/retention/orders.csv, from each customer's last active
# month: A Apr, B Mar, C Jan, D Mar, E Apr, F Mar.
# Jan {A,B,C}: A counts at k 0-3, B 0-2, C 0: p1 2/3, p2 2/3, p3 1/3.
# Feb {D,E}: D 0-1, E 0-2: p1 2/2, p2 1/2.  Mar {F}: p1 0.
# all: p1 (2+2+0)/6, p2 (2+1)/5 = 0.6, p3 1/3.
funnel-retention --on-or-after data/retention/orders.csv
