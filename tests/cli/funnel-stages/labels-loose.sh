# Stage labels match the order exactly first, then ignoring ASCII case and
# surrounding blanks (kept here by quoting): " lead ", "QUALIFIED",
# "closed LOST" (a lost label). Hand count: 1 Lead, 2 Qualified,
# 3 Lead lost.
printf '%s\n' 'deal_id,stage' '1," lead "' '2,QUALIFIED' '3," closed LOST"' |
funnel-stages --stages Lead,Qualified
