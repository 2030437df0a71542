# --model FILE: each open deal weighted by its win probability from a fit
# that funnel-score --save-model kept, so weighted_pipeline is the
# expected value of the open pipeline.  The fit is on region alone, so
# each region's probability is its win rate among the closed deals:
# East 1 won of 2 = 0.5 (the reference), West 3 won of 4 = 0.75.
cat >closed.csv <<'CSV'
deal_id,deal_stage,region
c1,Won,East
c2,Lost,East
c3,Won,West
c4,Won,West
c5,Won,West
c6,Lost,West
CSV
# The odds: East 1 to 1, West 3 to 1, 3 times East's.
funnel-score --fit --dims '' --categorical region --save-model model.csv closed.csv | cut -d, -f1,6
echo "exit $?"
# Open deals: East 1,000, West 2,000 and 400: 0.5 * 1,000 + 0.75 * 2,000
# + 0.75 * 400 = 500 + 1,500 + 300 = 2,300.  The won and lost deals have
# no region (closed deals need no term), and still count in the win rate.
h=deal_id,deal_stage,amount,region
printf '%s\n' $h w1,Won,500, l1,Lost,100, a,Lead,1000,East b,Lead,2000,West c,Lead,400,West >deals.csv
funnel-kpi --asof 2025-01-31 --model model.csv deals.csv | cut -d, -f1-5,10,11
echo "exit $?"
funnel-kpi -v --asof 2025-01-31 --model model.csv deals.csv 2>&1 >/dev/null | grep 'weighted pipeline'
# With --by region: East 500, West 1,500 + 300 = 1,800; the closed deals
# have a blank region, a group of no open deal (weighted 0).
funnel-kpi --asof 2025-01-31 --model model.csv --by region deals.csv | cut -d, -f2,4,11,12
# An open deal in a region the fit never saw: 65 at its cell, or the
# reference East (0.5) with --unseen reference: 500 + 1,500 + 0.5 * 400 =
# 2,200.
printf '%s\n' $h a,Lead,1000,East b,Lead,2000,West c,Lead,400,North >north.csv
funnel-kpi --asof 2025-01-31 --model model.csv north.csv
echo "exit $?"
funnel-kpi --asof 2025-01-31 --model model.csv --unseen reference north.csv | cut -d, -f11
# Options that do not go with it (64), a deals file without region (64).
funnel-kpi --asof 2025-01-31 --model model.csv --stages Lead deals.csv
echo "exit $?"
funnel-kpi --asof 2025-01-31 --unseen reference deals.csv
echo "exit $?"
printf '%s\n' deal_id,deal_stage,amount a,Lead,1000 >noregion.csv
funnel-kpi --asof 2025-01-31 --model model.csv noregion.csv
echo "exit $?"
