# --lost (repeatable) adds labels meaning lost: "Dead" and "No Deal" deals
# are lost at the first stage (a snapshot row that only says lost reached
# the first stage). Hand count: 1 Lead, 2 Lead lost, 3 Qualified, 4 Lead lost.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Dead' '3,Qualified' '4,No Deal' |
funnel-stages --lost Dead --lost 'No Deal' --stages Lead,Qualified,Won
