# A UTF-8 byte order mark before the header is stripped: "deal_id" is still
# auto-detected. Hand count (as in every mess-* case): deals 1 Lead,
# 2 Qualified, 3 Lead.
printf '\357\273\277deal_id,stage\n1,Lead\n2,Qualified\n3,Lead\n' | funnel-stages --stages Lead,Qualified
