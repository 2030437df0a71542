# --status picks a column the defaults do not know ("Result"); its values are
# matched without case and include the synonyms Closed Won, Win, Loss,
# In Progress, Pending. Status won puts the deal in the last stage whatever
# the stage column says; lost keeps the stage it reached; empty = no outcome.
# Hand count: furthest 1:Lead 2:Proposal 3:Won 4:Won 5:Qualified(lost)
# 6:Lead(lost) 7:Qualified 8:Proposal 9:Won.
printf '%s\n' 'id,stage,Result' \
	'1,Lead,open' \
	'2,Proposal,In Progress' \
	'3,Proposal,WON' \
	'4,Lead,Closed Won' \
	'5,Qualified,loss' \
	'6,Lead,Lost' \
	'7,Qualified,Pending' \
	'8,Proposal,' \
	'9,Lead,Win' |
funnel-stages --status Result --stages Lead,Qualified,Proposal,Won
