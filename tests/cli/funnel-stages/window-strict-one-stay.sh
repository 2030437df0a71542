# --within 30d, strict: consecutive rows of one stage are one stay, and the
# window runs from the stay's start. A: Lead 01-01, Lead 02-01 (the same
# stay), Qualified 02-20 -> 50 days after the first step: 1. B: Lead 01-01,
# Call 01-15 (breaks; nothing was reached yet but Lead), Lead 02-01 (a new
# chain), Qualified 02-20 -> 19 days: 2. Lead 2, Qualified 1; days B 19.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Lead,2025-02-01' 'A,Qualified,2025-02-20' \
	'B,Lead,2025-01-01' 'B,Call,2025-01-15' 'B,Lead,2025-02-01' 'B,Qualified,2025-02-20' |
funnel-stages --mode strict --within 30d --stages Lead,Qualified
