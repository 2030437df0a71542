# --delimiter ':' for a delimiter that is never auto-detected; a comma inside
# a field is then plain text. Hand count: 1 Lead, 2 Qualified, 3 Lead.
printf '%s\n' 'deal_id:stage:note' '1:Lead:a, b' '2:Qualified:c' '3:Lead:d, e, f' |
funnel-stages --delimiter : --stages Lead,Qualified
