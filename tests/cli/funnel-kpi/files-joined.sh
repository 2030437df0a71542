# Leads in one export, deals in another: the rows of one key across files
# are one deal.  By hand (the same deals as funnel-cycle's files-joined):
#   L1 paid     2024-01-01 -> 2024-01-15 00:00:00  won  14 days  1000
#   L2 organic  2024-01-03 -> 2024-01-13           lost 10 days
#   L3 paid     2024-01-10 -> 2024-02-09 14:30:00  won  30 days  3000
#   L4 organic  2024-02-01                          open         (amount 400)
#   L5 paid     2024-02-15                          open         (amount 600)
# 5 deals, 2 open, 2 won, 1 lost; win rate 2/3, conversion 2/5; mean and
# median cycle 22; pipeline 400 + 600 = 1000, weighted by the win rate
# (no --stages) 666.67; avg won amount 2000; sales velocity
# 2 * 2000 * (2/3) / 22 = 121.21.  Per origin: organic 0 won, pipeline
# 400 * 0; paid 2 of 3, pipeline 600 * 1, velocity 1 * 2000 * 1 / 22 =
# 90.91.  The date: the latest event, L5's first contact on 2024-02-15.
funnel-kpi --key mql_id --created first_contact_date --closed won_date data/olist/leads-amounts.csv data/olist/deals-status.csv
funnel-kpi --key mql_id --created first_contact_date --closed won_date --by origin data/olist/leads-amounts.csv data/olist/deals-status.csv
