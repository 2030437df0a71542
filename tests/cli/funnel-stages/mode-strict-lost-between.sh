# A lost row is a row of the deal: between two steps it breaks a strict
# chain. A: Lead, Lost, then reopened at Qualified -> 1 (latest row
# Qualified: open). B: Lead, Qualified, Closed Lost -> 2, lost at
# Qualified. Lead 2, Qualified 1 (lost 1); days B 1.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Lost,2025-01-02' 'A,Qualified,2025-01-03' \
	'B,Lead,2025-01-01' 'B,Qualified,2025-01-02' 'B,Closed Lost,2025-01-03' |
funnel-stages --mode strict --stages Lead,Qualified
