# The sales velocity reference, from data/kpi/velocity.csv
# (HubSpot-like headers found automatically, amounts written "$1,000.00"):
#   40 open deals, 2 won, 6 lost: deals 48, win_rate 2/8 = 0.2500,
#   conversion 2/48 = 0.041667 -> 0.0417
#   won cycles 80 and 100 days: mean and median 90.00
#   avg_won_amount (20,000 + 30,000) / 2 = 25000.00
#   sales_velocity 40 x 25,000 x 25% / 90 = 250,000 / 90 = 2777.78 per day
#   pipeline_value 40 x 1,000 = 40000.00; weighted at the win rate 10000.00
#   date: the latest close date of a closed deal, W02's 2024-04-10 (the
#   latest created date is O28's 2024-03-28).
funnel-kpi data/kpi/velocity.csv
