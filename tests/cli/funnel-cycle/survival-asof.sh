# Where open deals are censored. By default at the latest date in the input:
# the created dates of every deal and the close dates of closed deals --
# not an open deal's close date, which is a forecast (deal 1004 of
# data/cycle/deals.csv expects 2024-06-30). Here the latest is 1006's close,
# 2024-05-31; -v says so, and a table notes it. By hand (won measured, lost
# censored at their close): times 1+ 3 7 10 11+ 20 21+ 27+ (1008 open
# 05-20 -> 05-31 = 11, 1004 open 05-04 -> 05-31 = 27); at risk 7, 6, 5, 3:
# S = 6/7 = 0.8571, 5/7 = 0.7143, 4/7 = 0.5714, 8/21 = 0.3810; median 20.
# The log-log band (python3, the formulas of survival-reference): low 0.3341
# at 3 days already, so the median's low end is 3; high 0.7164 at 20, never
# 0.5 or below: no high end.
funnel-cycle -v --survival --at 3,7,10,20 data/cycle/deals.csv 2>verbose.txt
grep censored verbose.txt
# An explicit --asof later: 1008 and 1004 are censored later (41, 57), so 4
# are at risk at 20 days: S = 4/7 * 3/4 = 3/7 = 0.4286 there and at 30
# days, now inside the observations.
funnel-cycle --survival --asof 2024-06-30 --at 20,30 data/cycle/deals.csv | cut -d, -f10-
# An open deal created after --asof cannot be censored there: 64.
funnel-cycle --survival --asof 2024-05-10 data/cycle/deals.csv; echo "exit $?"
