# Coverage of ABC classes that funnel-segment computes here from
# tests/data/visits/orders.csv: values C1 50, C2 30, C3 10, C4 5, C5 3,
# C6 2 of 100; cumulative shares .50 .80 .90 .95 .98 1: A = C1 C2
# (<= .80), B = C3 C4 (<= .95), C = C5 C6.
funnel-segment --method abc data/visits/orders.csv >classes.csv
# Visits (tests/data/visits/visits.csv): C1 2 (V1 V2), C2 1 (V3), C3 3
# (V4 V5 V6), C4 2 (V7 V8); and in more.csv C9 (no class) and a visit
# without a customer.
printf 'customer_id,visit_date\nC9,2024-03-20\n,2024-03-21\n' >more.csv
# A: 2 customers, 2 visited, coverage 1, visits 2 + 1 = 3, 3/2 = 1.50.
# B: 2, 2, 1, visits 3 + 2 = 5, 5/2 = 2.50.
# C: 2, 0, 0, 0, 0/2 = 0.00.
# (unsegmented): visited 1 (C9), visits 2 (C9, the blank customer).
funnel-visits --report coverage --segments classes.csv data/visits/visits.csv more.csv
# Region by region: one run of ABC over all (--global-cuts), labels with
# the region column.  North: C1 A (2 visits), C3 B (3), C5 C (0);
# South: C2 A (1), C4 B (2), C6 C (0).  Each cell 1 customer.
funnel-segment --method abc --by region --global-cuts data/visits/orders.csv >by-region.csv
funnel-visits --report coverage --segments by-region.csv --by region data/visits/visits.csv more.csv
# --from 2024-03-10: V1 (03-04), V3 (03-05), V4, V5 (03-06, 03-07) left
# out: C1 1 (V2), C2 0, C3 1 (V6), C4 2.  A: visited 1, coverage 1/2 =
# 0.5000, visits 1, 0.50; B: 2, 1, 3, 1.50; (unsegmented): 1, 2.
funnel-visits --report coverage --segments classes.csv --from 2024-03-10 data/visits/visits.csv more.csv
# A customer twice in the segments file: 65, naming both lines.
printf 'customer_id,segment\nC1,key\nC2,basic\nC1,basic\n' >twice.csv
funnel-visits --report coverage --segments twice.csv data/visits/visits.csv
echo "exit $?"
