# Input row order never changes a result: data/stages3/journeys.csv and a
# shuffled copy of its rows (journeys-shuffled.csv) give the same bytes in
# --mode strict. Per-deal hand reasoning below;
# the result is printed once, then compared with cmp.
# Deals: J1 L,Q,P,Closed Won; J2 L,P,Lost (skips Q); J3 L,L,Q,Q,P (repeats);
# J4 Q,L,P (Q before step 1); J5 Q,L tie at 01-01 then P; J6 L,P,Q
# (backwards); J7 L,Call,Q,P (a non-funnel row between); J8 L,Q,Lost then
# a second attempt L,Q,P,Won. The "Call" row draws one warning per run.
# strict: J1 4; J2 1 (P is not the next step: breaks); J3 3 (repeated rows
# are one stay); J4 1 (P after Lead breaks); J5 3 (tie); J6 1 (P breaks);
# J7 1 (Call breaks); J8 4 (Lost breaks attempt 1, attempt 2 is complete).
# Lead 8, Qualified 4, Proposal 4, Won 2; lost: J2 at Lead.
# Days along the counted chain: L->Q J1 1, J3 2, J5 0, J8 1 -> median 1.00,
# mean 1.00; Q->P J1 1, J3 2, J5 1, J8 1 -> median 1.00, mean 1.25;
# P->Won 1, 1.
funnel-stages --mode strict --stages Lead,Qualified,Proposal,Won data/stages3/journeys.csv >a.csv
funnel-stages --mode strict --stages Lead,Qualified,Proposal,Won data/stages3/journeys-shuffled.csv >b.csv
cat a.csv
cmp a.csv b.csv && echo 'shuffled: same bytes'
