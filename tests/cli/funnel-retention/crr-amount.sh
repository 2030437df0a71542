# --crr with --amount adds nrr and grr: over the customers of S, their
# revenue in P over their revenue in P-1; grr caps each customer at its
# P-1 revenue.  Counts as crr.sh.  Revenue by hand (revenue.sh): Feb: S
# {A,B,C} had 340 in Jan; A brings 50: nrr = grr = 50/340 = 0.1471.
# Mar: S {A,D,E} had 50+60+0 (E's blank) = 110 in Feb; D brings 60-20 =
# 40 <= 60: nrr = grr = 40/110 = 0.3636.  Apr: S {B,D,F} had 80+40+90 =
# 210; nobody retained: 0.
funnel-retention --crr --amount amount data/retention/orders.csv
