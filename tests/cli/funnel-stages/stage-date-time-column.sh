# A --stage-date column that is also the auto-detected time column
# (created_at) must serve both roles; the cells are all there. Hand count:
# 1 Lead (created), 2 Qualified (qualified_at).
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: 2 01-01 -> 01-03 = 2.
printf '%s\n' 'deal_id,stage,created_at,qualified_at' '1,Lead,2024-01-01,' '2,Lead,2024-01-01,2024-01-03' |
funnel-stages --stage-date Lead=created_at --stage-date Qualified=qualified_at --stages Lead,Qualified
