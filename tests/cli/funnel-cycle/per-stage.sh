# --per-stage on a stage history (data/cycle/history.csv): time in a stage
# runs from entering it to entering the next different stage; repeated rows
# of one stage are one stay (D1 Lead 03-01 and 03-02, D2 Demo 03-04 and
# 03-08); a deal that goes back stays again (D5 Lead, Demo, Lead, Demo);
# won and lost end a deal and are no stage; a stay with no next stage is
# open, counted in "open", not in the times. By hand:
#   D1 Lead 4, Demo 7, Proposal 8;  D2 Lead 1, Demo 6;
#   D3 Lead 6, Demo 1, Proposal open;  D4 Lead open;
#   D5 Lead 1, Demo 4, Lead 3, Demo 6.
# Lead 1 1 3 4 6: mean 3, median 3, p90 4 + 0.6 * 2 = 5.2, open 1;
# Demo 1 4 6 6 7: mean 4.8, median 6, p90 6.6; Proposal 8, open 1.
# Stages in order of the median time deals first entered them (Lead 03-03,
# Demo 03-04.5, Proposal 03-11.5). With --by owner each deal is in its
# first row's group: ann D1 D3, bob D2 D4 D5.
funnel-cycle --per-stage data/cycle/history.csv
funnel-cycle --per-stage --by owner data/cycle/history.csv
