# --histogram 7d: buckets [0,7), [7,14), ... of the measured cycles, up to
# the one holding the longest; empty buckets in between are listed. Won
# cycles of data/cycle/deals.csv: 3, 7, 10, 20 -> 0-7 1, 7-14 2 (7 is in
# the second: a bucket holds its lower bound), 14-21 1; share of 4. In a
# table, bars scaled to the largest bucket (2 -> 24 cells, 1 -> 12). With
# --by Region: East 20 -> 0, 0, 1; West 3, 7, 10 -> 1, 2; then all deals.
funnel-cycle --histogram 7d data/cycle/deals.csv
funnel-cycle --histogram 1w -f table data/cycle/deals.csv
funnel-cycle --histogram 7d --by Region data/cycle/deals.csv
