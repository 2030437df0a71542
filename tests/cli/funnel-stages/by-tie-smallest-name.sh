# First-touch ties: X's two earliest rows share one timestamp, with owners
# Zed and Amy; the smaller name in byte order (Amy) gets the deal, whatever
# the row order. Y starts with Zed alone. Hand count: Amy {X Qualified},
# Zed {Y Lead}.
printf '%s\n' 'deal_id,stage,entered_at,owner' 'X,Lead,2024-01-01,Zed' 'X,Qualified,2024-01-01,Amy' \
	'Y,Lead,2024-01-02,Zed' |
funnel-stages --by owner --stages Lead,Qualified
