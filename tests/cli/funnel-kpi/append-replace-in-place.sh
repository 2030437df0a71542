# Was a bug, fixed: a rerun for an earlier date does not replace that date's row where
# it is: it removes it and appends the new row at the end, so the history
# is no longer in date order (funnel-kpi(1): a rerun for
# the same date replaces that date's rows; output has a stable row order). A nightly
# job rerun for last night after tonight's run is an ordinary case.
# Expected: 03-14 (v2's row), then 03-15 (v1's), in that order.
# v1, v2 and their rows as in append-replace-date.sh.
grep -v '^D12,' data/kpi/deals.csv >v2.csv
funnel-kpi --asof 2025-03-14 --append hist.csv data/kpi/deals.csv >/dev/null
funnel-kpi --asof 2025-03-15 --append hist.csv data/kpi/deals.csv >/dev/null
funnel-kpi --asof 2025-03-14 --append hist.csv v2.csv >/dev/null
cat hist.csv
