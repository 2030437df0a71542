# --by the stage column (snapshot: one funnel per current stage label) must
# work: the column is both the stage and the group. Hand count: group Lead =
# {1 Lead, 3 Lead}, group Qualified = {2 Qualified}.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Qualified' '3,Lead' |
funnel-stages --by stage --stages Lead,Qualified
