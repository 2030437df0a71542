# --revenue: cell k = the cohort's revenue in period k over its revenue in
# period 0.  data/retention/orders.csv holds a refund (D's -20 in March)
# and a blank amount (E's February order): blank is missing, not zero, so
# the row still makes E active in February (E stays in that cohort) and
# adds no revenue.  Revenue per customer and month, by hand:
# A Jan 100 Feb 50 Apr 30; B Jan 200 Mar 80; C Jan 40; D Feb 60 Mar 60-20
# = 40; E Feb (blank) Apr 25; F Mar 90.
# Jan: base 340: p1 50/340 = 0.1471, p2 80/340 = 0.2353, p3 30/340 =
# 0.0882.  Feb: base 60: p1 40/60 = 0.6667, p2 25/60 = 0.4167.
# Mar: base 90: p1 0.  all: revenue over revenue, cohorts having the
# offset: p1 (50+40+0)/(340+60+90) = 0.1837, p2 (80+25)/(340+60) = 0.2625,
# p3 30/340.  (Checked with python3: round(x, 4) of each fraction.)
funnel-retention --revenue --amount amount data/retention/orders.csv
