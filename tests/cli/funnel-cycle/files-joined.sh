# Leads in one export, closed deals in another (the Olist shape): the rows
# of one key across files are one deal.  By hand, cycles from the lead's
# first contact to the deal's close, a date against a timestamp compared
# at day resolution:
#   L1 paid     2024-01-01 -> 2024-01-15 00:00:00  won  14 days  1000
#   L2 organic  2024-01-03 -> 2024-01-13           lost 10 days
#   L3 paid     2024-01-10 -> 2024-02-09 14:30:00  won  30 days  3000
#   L4 organic  2024-02-01                          open
#   L5 paid     2024-02-15                          open
# Won cycles: 14, 30: mean 22, sd sqrt(128) = 11.31, type 7 p25 18,
# median 22, p75 26, p90 28.4; by origin only paid has won deals.
# Summary: 5 deals, 2 open, 2 won, 1 lost, win rate 2/3, mean 22 days,
# avg won amount 2000, velocity 2 * 2000 * (2/3) / 22 = 121.21.
funnel-cycle --key mql_id --created first_contact_date --closed won_date data/olist/leads-amounts.csv data/olist/deals-status.csv
funnel-cycle --key mql_id --created first_contact_date --closed won_date --by origin data/olist/leads-amounts.csv data/olist/deals-status.csv
funnel-cycle --key mql_id --created first_contact_date --closed won_date --summary --amount amount data/olist/leads-amounts.csv data/olist/deals-status.csv
# The files in the other order: the same numbers.
funnel-cycle --key mql_id --created first_contact_date --closed won_date --summary --amount amount data/olist/deals-status.csv data/olist/leads-amounts.csv
