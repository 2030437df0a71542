# Completeness rule, the side that is over: --asof 2024-04-30 is April's
# last day, so April counts as ended: the same result as the default
# (month-first.sh, whose latest date is that day), no row left out, no
# warning.  A second run as of the day after changes nothing either: May
# has no data and has not ended.
funnel-retention --asof 2024-04-30 data/retention/orders.csv
funnel-retention --asof 2024-05-01 data/retention/orders.csv
