# Events before step 1 do not matter in entered mode: A entered Qualified
# (01-01) before Lead (01-02), then Proposal; B had a non-funnel "Call" row
# before its Lead (ignored, with a warning). Entered: A Lead, Qualified,
# Proposal; B Lead. Lead 2, Qualified 1, Proposal 1.
# Days: A's Lead -> Qualified is -1 day (Qualified came first): excluded,
# no value; Qualified 01-01 -> Proposal 01-05 = 4 days.
printf '%s\n' 'deal,stage,entered_at' 'A,Qualified,2025-01-01' 'A,Lead,2025-01-02' \
	'A,Proposal,2025-01-05' 'B,Call,2025-01-01' 'B,Lead,2025-01-02' |
funnel-stages --mode entered --stages Lead,Qualified,Proposal
