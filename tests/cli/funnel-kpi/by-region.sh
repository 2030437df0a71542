# --by region: a row per region, sorted, then the row of all deals, its
# region cell empty (undefined, see by-group-named-all.sh). By hand from
# data/kpi/deals.csv:
#   North: D01 D02 won (30, 50 days; 10,000, 20,000), D05 D06 lost, D08 D09
#     open (5,000, 12,000): deals 6, win_rate 2/4 = 0.5000, conversion
#     2/6 = 0.3333, mean = median = 40.00, pipeline 17000.00, weighted at
#     North's own win rate 8500.00, avg won 15000.00,
#     velocity 2 x 15,000 x 0.5 / 40 = 375.00
#   South: D03 won (14 days, 6,000), D04 D07 lost, D10 D11 D12 open
#     (30,000, 40,000, none): deals 6, win_rate 1/3 = 0.3333, conversion
#     1/6 = 0.1667, mean = median = 14.00, pipeline 70000.00, weighted
#     70,000 / 3 = 23333.33, avg won 6000.00,
#     velocity 3 x 6,000 x 1/3 / 14 = 428.57
#   all: as in kpis-hand-worked.sh.
funnel-kpi --by region data/kpi/deals.csv
