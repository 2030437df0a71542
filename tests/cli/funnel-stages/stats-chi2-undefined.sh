# When every deal of every group converts, the not-converted margin is 0:
# the chi-square is undefined (expected counts of 0), so p_value and
# small_expected are empty, never 0 or NaN. X and Y: 2 of 2 each.
printf '%s\n' 'deal_id,stage,region' 'x1,Qualified,X' 'x2,Qualified,X' 'y1,Qualified,Y' 'y2,Qualified,Y' |
funnel-stages --by region --stages Lead,Qualified
