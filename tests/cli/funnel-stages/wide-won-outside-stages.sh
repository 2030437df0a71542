# A HubSpot export's won column when --stages leaves won out: a won deal
# reached the last stage given, as a won row of a long history says, at an
# unknown time (Demo is not itself a won label).
# 1: Lead 01-01, Demo 01-02, won 01-05 -> Demo, 1 day from Lead.
# 2: Lead 01-01, won 01-04, no Demo date -> Demo, time unknown.
# 3: Lead 01-02 only.
# Lead 3; Demo 2 (2/3); days Lead->Demo known for deal 1 only: 1.00.
printf '%s\n' 'Record ID,"Date entered ""Lead (Sales)""","Date entered ""Demo (Sales)""","Date entered ""Closed Won (Sales)"""' \
	'1,2025-01-01,2025-01-02,2025-01-05' '2,2025-01-01,,2025-01-04' '3,2025-01-02,,' |
funnel-stages -S Lead,Demo
# The same deals as a long history give the same table.
printf '%s\n' deal,stage,entered_at 1,Lead,2025-01-01 1,Demo,2025-01-02 \
	'1,Closed Won,2025-01-05' 2,Lead,2025-01-01 '2,Closed Won,2025-01-04' \
	3,Lead,2025-01-02 |
funnel-stages -S Lead,Demo
