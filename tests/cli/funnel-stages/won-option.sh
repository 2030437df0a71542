# --won adds a label meaning won: "Signed" puts the deal in the last stage
# (Contract). Labels match without case: "closed won" is the default Closed
# Won. Hand count: 1 Lead, 2 Contract, 3 Qualified, 4 Contract.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Signed' '3,Qualified' '4,closed won' |
funnel-stages --won Signed --stages Lead,Qualified,Contract
