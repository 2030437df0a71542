# --per-stage --by owner where one group has deals but no stay: cy's only
# deal, D6, has nothing but its Closed Won row (won and lost are no stage).
# Its rows count 0 with no times; the others are those of per-stage.sh (ann
# D1 D3: Lead 4 6, mean 5, p90 4 + 0.9 * 2 = 5.8; bob D2 D4 D5), and
# all deals are unchanged by D6.
{ cat data/cycle/history.csv; echo 'D6,Closed Won,2024-03-12,cy'; } >h.csv
funnel-cycle --per-stage --by owner h.csv
