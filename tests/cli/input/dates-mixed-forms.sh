# One time column mixing the recognised forms: ISO date, YYYY/MM/DD,
# YYYYMMDD, ISO with T and fractional seconds, M/D/YYYY (decided by 1/15).
# Hand order for X: Lead 01-10, Qualified 01-12, Lost 01-14, Proposal
# 01-15 -> reopened at Proposal; Y: Lead 01-10, Lost 01-20 -> lost at Lead.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: X 01-10 -> 01-12 = 2; Proposal: X 01-12 -> 01-15 = 3.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,2024-01-10' 'X,Qualified,2024/01/12' \
	'X,Lost,20240114' 'X,Proposal,1/15/2024' 'Y,Lead,2024-01-10T08:00:00.250' 'Y,Lost,2024-01-20' |
funnel-stages --stages Lead,Qualified,Proposal,Won
