# --by the key column itself (one funnel per deal) must work: the column is
# both the key and the group. Hand count: group 1 = {1 Lead}, group 2 =
# {2 Qualified}.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Qualified' |
funnel-stages --by deal_id --stages Lead,Qualified
