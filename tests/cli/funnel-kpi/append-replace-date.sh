# A rerun for a date replaces that date's rows (--replace-date, the
# default); --no-replace-date keeps every row; the last of the two given
# wins. v1 is data/kpi/deals.csv (row as in kpis-hand-worked.sh); v2 is v1
# without D12 (open, no amount): deals 11, open 4, conversion 3/11 = 0.2727,
# velocity 4 x 12,000 x 3/7 / (94/3) = 656.53 (python3: 656.5349...), the
# rest unchanged (D12 added nothing to the pipeline or to the cycles).
# 1) 03-14 v1, 03-15 v1, rerun 03-15 with v2: the 03-15 row is v2's, once
# 2) rerun 03-15 v1 with --no-replace-date: both 03-15 rows
# 3) rerun 03-15 v2 with --no-replace-date --replace-date: both 03-15 rows
#    replaced by v2's one
# 4) with --by region a date has 3 rows (North, South, all deals); a rerun
#    replaces all three: 1 header + 3 rows, not 6.
grep -v '^D12,' data/kpi/deals.csv >v2.csv
funnel-kpi --asof 2025-03-14 --append hist.csv data/kpi/deals.csv >/dev/null
funnel-kpi --asof 2025-03-15 --append hist.csv data/kpi/deals.csv >/dev/null
funnel-kpi --asof 2025-03-15 --append hist.csv v2.csv >/dev/null
cat hist.csv
funnel-kpi --asof 2025-03-15 --no-replace-date --append hist.csv data/kpi/deals.csv >/dev/null
cat hist.csv
funnel-kpi --asof 2025-03-15 --no-replace-date --replace-date --append hist.csv v2.csv >/dev/null
cat hist.csv
funnel-kpi --by region --append by.csv data/kpi/deals.csv >/dev/null
funnel-kpi --by region --append by.csv data/kpi/deals.csv >/dev/null
wc -l <by.csv
