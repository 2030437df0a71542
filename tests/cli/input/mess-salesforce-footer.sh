# A Salesforce report export: quoted everything, then the footer lines
# "Grand Totals (3 records)", "Confidential Information - Do Not
# Distribute" and the copyright line, with blank lines between them; the
# footer is not data. Hand count: 1 Lead, 2 Qualified, 3 Lead.
printf '%s\r\n' '"Opportunity ID","Stage","Amount"' '"1","Lead","10"' '"2","Qualified","20"' \
	'"3","Lead","30"' '' '"Grand Totals (3 records)"' '' \
	'"Confidential Information - Do Not Distribute"' '' \
	'"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."' |
funnel-stages --stages Lead,Qualified
