# Was a bug, fixed: the trend compares the exact new value with the history's rounded
# one, so an unchanged KPI gets an arrow. The same deals appended as of
# 2025-03-14 and shown as of 2025-03-15 must show "→" for every KPI (the
# previous values are the same numbers, kpis-hand-worked.sh); instead
# every value the history rounds moves: win_rate 3/7 = 0.428571 < 0.4286
# shows "↓", mean_cycle_days 94/3 = 31.333 > 31.33 "↑", weighted_pipeline
# 37285.714 > 37285.71 "↑", sales_velocity 820.669 < 820.67 "↓".
# Expected: both sides compared as the history writes them (or the history
# keeping every digit).
funnel-kpi --asof 2025-03-14 --append hist.csv data/kpi/deals.csv >/dev/null
funnel-kpi -f table --append hist.csv data/kpi/deals.csv
