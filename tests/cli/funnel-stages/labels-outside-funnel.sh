# Without --lost, "Dead" and "No Deal" are not part of the funnel: those rows
# are ignored and a warning names them with their row counts. Hand count over
# the remaining deals: 1 Lead, 3 Qualified.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Dead' '3,Qualified' '4,No Deal' '5,Dead' |
funnel-stages --stages Lead,Qualified,Won
