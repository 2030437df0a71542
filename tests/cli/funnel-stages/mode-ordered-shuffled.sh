# Input row order never changes a result: data/stages3/journeys.csv and a
# shuffled copy of its rows (journeys-shuffled.csv) give the same bytes in
# --mode ordered. Per-deal hand reasoning below;
# the result is printed once, then compared with cmp.
# Deals: J1 L,Q,P,Closed Won; J2 L,P,Lost (skips Q); J3 L,L,Q,Q,P (repeats);
# J4 Q,L,P (Q before step 1); J5 Q,L tie at 01-01 then P; J6 L,P,Q
# (backwards); J7 L,Call,Q,P (a non-funnel row between); J8 L,Q,Lost then
# a second attempt L,Q,P,Won. The "Call" row draws one warning per run.
# ordered: J1 4; J2 1 (P without Q; lost -> lost at Lead); J3 3; J4 1 (the
# Q before Lead is no step, P has no Q after Lead); J5 3 (tie counts as in
# order); J6 2 (P before Q is no step); J7 3 (Call may come between); J8 4
# (second attempt). Lead 8, Qualified 6, Proposal 5, Won 2.
# Days along each deal's counted chain (a stay starts at its first row):
# L->Q J1 1, J3 2, J5 0, J6 2, J7 2, J8 1 (attempt 2) -> median 1.50, mean
# 1.33; Q->P J1 1, J3 2, J5 1, J7 1, J8 1 -> median 1.00, mean 1.20; P->Won
# J1 1, J8 1.
funnel-stages --mode ordered --stages Lead,Qualified,Proposal,Won data/stages3/journeys.csv >a.csv
funnel-stages --mode ordered --stages Lead,Qualified,Proposal,Won data/stages3/journeys-shuffled.csv >b.csv
cat a.csv
cmp a.csv b.csv && echo 'shuffled: same bytes'
