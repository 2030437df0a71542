# --by Region,Team: one row per combination, sorted bytewise, then the row
# of all deals, whose group cells are undefined (empty in CSV, null in JSON,
# "–" and a mark in a table). East,b has only lost deals: a row with count
# 0. By hand from data/cycle/deals.csv (won cycles): East,a 20; West,a 3
# and 7 -> mean 5, sd 4/sqrt(2) = 2.83, p25 4, p75 6, p90 6.6; West,b 10.
funnel-cycle --by Region,Team data/cycle/deals.csv
funnel-cycle --by Region -f json data/cycle/deals.csv
