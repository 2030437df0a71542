# Ordered mode, --within 30d, and what a repeated row means.
# A: Lead 01-01, Lead 02-01, Qualified 02-20. B: the same with a "Call" row
# (a stage outside the funnel) on 01-15 between the two Leads.
# Decided: consecutive rows of one stage are one stay in every mode
# (PRODUCT §1, long layout); a row of any other stage ends the stay.
# A never left Lead: its one attempt starts 01-01, Qualified comes 50 days
# later, past the window -> A counts at Lead only. B left Lead for Call and
# came back on 02-01: a second attempt, Qualified 19 days later -> B
# converts. Lead 2, Qualified 1 (0.5), days 19 for B's chain.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Lead,2025-02-01' 'A,Qualified,2025-02-20' \
	'B,Lead,2025-01-01' 'B,Call,2025-01-15' 'B,Lead,2025-02-01' 'B,Qualified,2025-02-20' |
funnel-stages --mode ordered --within 30d --stages Lead,Qualified
