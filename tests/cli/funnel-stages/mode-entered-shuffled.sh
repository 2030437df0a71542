# Input row order never changes a result: data/stages3/journeys.csv and a
# shuffled copy of its rows (journeys-shuffled.csv) give the same bytes in
# --mode entered. Per-deal hand reasoning below;
# the result is printed once, then compared with cmp.
# Deals: J1 L,Q,P,Closed Won; J2 L,P,Lost (skips Q); J3 L,L,Q,Q,P (repeats);
# J4 Q,L,P (Q before step 1); J5 Q,L tie at 01-01 then P; J6 L,P,Q
# (backwards); J7 L,Call,Q,P (a non-funnel row between); J8 L,Q,Lost then
# a second attempt L,Q,P,Won. The "Call" row draws one warning per run.
# furthest (default): every deal reaches Proposal (J2, J4, J6 imply the
# stages before their furthest); Won: J1 (Closed Won = last stage), J8.
# lost: J2 (latest row Lost) at Proposal; J8 ends with Won: open/won.
# entered: Qualified is not entered by J2 -> 7; Proposal 8 (8/7 = 1.1429;
# dropped 7 - 8 = -1: counts are not cumulative).
# Days (first entry of the previous stage -> first entry of this one, both
# known, the later not earlier): L->Q J1 1, J3 2, J4 -1 (excluded), J5 0,
# J6 2, J7 2, J8 1 -> {0,1,1,2,2,2} median 1.50 mean 1.33; Q->P J1 1, J3 2,
# J4 2, J5 1, J6 -1 (excluded), J7 1, J8 10 -> {1,1,1,2,2,10} median 1.50,
# mean 17/6 = 2.83; P->Won J1 1, J8 1. Same for both modes (J2 has no
# Qualified time in furthest).
for mode in furthest entered; do
	echo "== $mode"
	funnel-stages --mode $mode --stages Lead,Qualified,Proposal,Won data/stages3/journeys.csv >a.csv
	funnel-stages --mode $mode --stages Lead,Qualified,Proposal,Won data/stages3/journeys-shuffled.csv >b.csv
	cat a.csv
	cmp a.csv b.csv && echo 'shuffled: same bytes'
done
