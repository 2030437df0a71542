# Ratings in one export and the deals' status in another: a deal's rows
# across files are one deal.  a (won in deals.csv) is not scored; b 3, 5
# -> (0.5 + 1) / 2 = 75 A; c 2, 2 -> 25 C (no row in deals.csv: open).
printf 'id,need,budget\na,5,5\nb,3,5\nc,2,2\n' >ratings.csv
printf 'id,status\na,won\nb,open\n' >deals.csv
funnel-score -k id --dims need,budget ratings.csv deals.csv
