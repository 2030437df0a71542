# --summary with --amount: the sales-velocity reference. data/cycle/velocity.csv
# (HubSpot-like headers, amounts such as "$20,000.00") has 40 open deals, 2
# won of 8 closed (win rate 25%), won amounts 20,000 and 30,000 (average
# 25,000) after 80 and 100 days (2024-01-01 to 03-21 and 04-10: mean 90):
# velocity = 40 * 25000 * 0.25 / 90 = 2777.78 per day. Per Owner: kim 30
# open, 1 won of 7, 20,000, 80 days -> 30 * 20000 / 7 / 80 = 1071.43; lee
# 10 open, 1 won of 1, 30,000, 100 days -> 3000.
funnel-cycle --summary --amount Amount data/cycle/velocity.csv
funnel-cycle --summary --amount Amount --by Owner data/cycle/velocity.csv
