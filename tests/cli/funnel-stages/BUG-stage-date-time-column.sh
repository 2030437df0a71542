# A --stage-date column that is also the auto-detected time column
# (created_at) must serve both roles; the cells are all there. Hand count:
# 1 Lead (created), 2 Qualified (qualified_at).
printf '%s\n' 'deal_id,stage,created_at,qualified_at' '1,Lead,2024-01-01,' '2,Lead,2024-01-01,2024-01-03' |
funnel-stages --stage-date Lead=created_at --stage-date Qualified=qualified_at --stages Lead,Qualified
