# -f table with --by: a block per group, the row of all deals last, blocks
# separated by a blank line, the date and group shown on a block's first
# line. Values of by-region.sh (North conversion 2/6 = 33.3%, South 1/6 =
# 16.7%).
funnel-kpi -f table --by region data/kpi/deals.csv
