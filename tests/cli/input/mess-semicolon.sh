# Semicolon-delimited (European Excel), detected from the header; the
# decimal commas in "amount" are just text. Hand count: 1 Lead, 2 Qualified,
# 3 Lead.
printf '%s\n' 'deal_id;stage;amount' '1;Lead;1,5' '2;Qualified;2,25' '3;Lead;1.000,00' |
funnel-stages --stages Lead,Qualified
