# Months and the leap day, data/retention/leap.csv: cohorts 2024-02 {A,B}
# and 2024-03 {C}.  The latest date, 03-02, leaves March unfinished: C's
# cohort has its size but an empty p0 (its period 0 has not ended), and
# the all row's p0 is over February only (2/2) while its size counts all 3.
# As of 2024-02-29 February has ended (the leap day is its last day; 3
# March rows left out): 2024-02 {A,B} p0 1.
# As of 2024-02-28 it has not (5 rows left out; B is not yet a customer):
# 2024-02 {A} with p0 empty, and an all row with nothing to average.
funnel-retention data/retention/leap.csv
funnel-retention --asof 2024-02-29 data/retention/leap.csv
funnel-retention --asof 2024-02-28 data/retention/leap.csv
