# --model FILE weighs the forecast's open deals by the saved fit's win
# probability (source model); a deal's own --prob still wins.  The fit is
# on region alone, so each region's probability is its win rate among the
# closed deals: East 1 won of 4 = 0.25 (the reference), West 3 of 4 = 0.75.
cat >closed.csv <<'CSV'
id,status,region
c1,won,East
c2,lost,East
c3,lost,East
c4,lost,East
c5,won,West
c6,won,West
c7,won,West
c8,lost,West
CSV
funnel-score --fit --dims '' --categorical region --save-model model.csv closed.csv >/dev/null
echo "exit $?"
# o1 East 1,000 x 0.25 = 250; o2 West 2,000 x 0.75 = 1,500; o3 West 400
# at its own 10% = 40; w1 is won, not in the forecast.
cat >open.csv <<'CSV'
id,stage,region,amount,p
o1,Proposal,East,1000,
o2,Proposal,West,2000,
o3,Negotiation,West,400,10
w1,Closed Won,West,900,
CSV
funnel-score --report forecast-deals --model model.csv --prob p open.csv
echo "exit $?"
# By region: East 250 (expected wins 0.25), West 1,540 (0.75 + 0.1 =
# 0.85).
funnel-score --forecast -b region --model model.csv --prob p open.csv
echo "exit $?"
# One source for the deals without their own: --model with a stage table
# is refused (64); a region the fit never saw is 65 at its cell.
funnel-score --forecast --model model.csv --stage-prob salesforce open.csv
echo "exit $?"
printf 'id,stage,region,amount\no1,Proposal,North,1000\n' >north.csv
funnel-score --forecast --model model.csv north.csv
echo "exit $?"
