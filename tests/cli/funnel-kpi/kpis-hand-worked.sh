# Every KPI of the row, worked out by hand from data/kpi/deals.csv (12 deals;
# a status decides when a row has one, else the stage label: D03 "Closed
# Won", D07 "Closed Lost"):
#   won D01 D02 D03 = 3, lost D04 D05 D06 D07 = 4, open D08..D12 = 5
#   win_rate   = won / (won + lost) = 3/7 = 0.428571 -> 0.4286
#   conversion = won / all deals = 3/12 = 0.2500
#   won cycles, calendar days from created to closed: D01 01-06..02-05 = 30,
#     D02 01-10..03-01 = 21 + 28 + 1 = 50, D03 02-01..02-15 = 14;
#     mean 94/3 = 31.33, median of 14 30 50 = 30.00
#   pipeline_value = the open deals' amounts 5000 + 12000 + 30000 + 40000
#     = 87000.00 (D12 has none: missing, not 0)
#   weighted_pipeline, no --stages: each open deal at the win rate,
#     87000 x 3/7 = 37285.71
#   avg_won_amount = (10000 + 20000 + 6000) / 3 = 12000.00
#   sales_velocity = open x avg won x win rate / mean cycle
#     = 5 x 12000 x 3/7 / (94/3) = 77142.857 / 94 = 820.67 per day
#   date: the latest created date (D12, 2025-03-15) or close date of a
#     closed deal (D06, 2025-03-10); the forecast close dates of the open
#     D08 (2025-06-30) and D11 (2025-04-30) do not count.
# Cross-checked with an independent python3 script of the formulas in funnel-kpi(1).
# The same bytes from standard input.
funnel-kpi data/kpi/deals.csv
funnel-kpi <data/kpi/deals.csv | tail -n 1
funnel-kpi - <data/kpi/deals.csv | tail -n 1
