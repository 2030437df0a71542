# A history whose header is not this result's is refused: exit 65 with a
# clear message, nothing on stdout, the file left byte for byte as it was.
# 1) a foreign CSV; 2) a history written without --orders, appended to with
# --orders (two more columns); 3) one written without --by, appended to
# with --by region.
printf 'date,deals\n2025-03-01,10\n' >foreign.csv
cp foreign.csv foreign.orig
funnel-kpi --append foreign.csv data/kpi/deals.csv
echo "exit $?"
cmp foreign.csv foreign.orig && echo "foreign.csv unchanged"
funnel-kpi --asof 2025-03-14 --append hist.csv data/kpi/deals.csv >/dev/null
cp hist.csv hist.orig
funnel-kpi --orders data/kpi/orders.csv --append hist.csv data/kpi/deals.csv
echo "exit $?"
funnel-kpi --by region --append hist.csv data/kpi/deals.csv
echo "exit $?"
cmp hist.csv hist.orig && echo "hist.csv unchanged"
