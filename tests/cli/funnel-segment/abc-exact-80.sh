# ABC at an exact 80 % cut.  tests/data/segment/orders.csv in the first
# quarter: A 33.3 + 16.7 = 50, B 30, C 10, D 6 (its March order has no
# amount: a warning), E 4; total 100.  Shares .50 .30 .10 .06 .04, cum
# .50 .80 .90 .96 1.  33.3 + 16.7 + 30 in doubles is 80.00000000000001,
# but sums are exact: B's cum is 80 / 100 = 0.8, within 80 %.
# Inclusive (default): A if cum <= .80, B if <= .95: A A B C C.
# Crossing: by the cum BEFORE each (0 .50 .80 .90 .96): A if < .80, B if
# < .95: A A B B C (D starts at 90 % < 95 %).
w="--from 2024-01-01 --to 2024-03-31"
funnel-segment --method abc $w data/segment/orders.csv
funnel-segment --method abc --abc-crossing $w data/segment/orders.csv
# As percentages, and one cut: A within 50 % (A alone), B the rest.
funnel-segment --method abc --abc 50% $w data/segment/orders.csv
# Summary: A = A, B (2 customers, 80), B = C (1, 10), C = D, E (2, 10).
funnel-segment --method abc --report summary $w data/segment/orders.csv
