# Several attempts: A went Lead, Qualified, Lost, then was reopened at Lead
# a month later and went Lead, Qualified, Proposal (its latest row: open).
# B went Lead, Lost (lost at Lead). Entered counts each stage once per
# deal: Lead 2, Qualified 1, Proposal 1; lost 1 at Lead (B).
# Days from first entries: A Lead 01-01 -> Qualified 01-02 = 1; Qualified
# 01-02 -> Proposal 02-03 = 32.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Qualified,2025-01-02' 'A,Lost,2025-01-03' \
	'A,Lead,2025-02-01' 'A,Qualified,2025-02-02' 'A,Proposal,2025-02-03' \
	'B,Lead,2025-01-01' 'B,Lost,2025-01-02' |
funnel-stages --mode entered --stages Lead,Qualified,Proposal
