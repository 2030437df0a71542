# First-touch ties: X's two earliest rows share one timestamp, with owners
# Zed and Amy; the smaller name in byte order (Amy) gets the deal, whatever
# the row order. Y starts with Zed alone. Hand count: Amy {X Qualified},
# Zed {Y Lead}.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Amy: X 0 (one timestamp). p_value/small_expected (with --by): Pearson
# chi-square across the groups per step, no continuity correction, groups
# with nobody entering the step left out; worked out independently (python
# closed-form chi-square tail): 1/1 vs 0/1: statistic 2 on 1 df -> 0.1573,
# expected counts below 5 -> small_expected 1.
printf '%s\n' 'deal_id,stage,entered_at,owner' 'X,Lead,2024-01-01,Zed' 'X,Qualified,2024-01-01,Amy' \
	'Y,Lead,2024-01-02,Zed' |
funnel-stages --by owner --stages Lead,Qualified
