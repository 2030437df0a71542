# Going backwards: A went Lead -> Proposal -> back to Lead, never
# Qualified; B went Lead -> Qualified -> Proposal -> back to Qualified.
# furthest: both reached Proposal -> 2, 2, 2. entered: A Lead, Proposal;
# B all three -> Lead 2, Qualified 1, Proposal 2 (2/1, dropped -1).
# Days (first entries): L->Q B 1 (A has no Qualified time); Q->P B 01-02 ->
# 01-03 = 1 (B's return to Qualified does not move its first entry).
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Proposal,2025-01-02' 'A,Lead,2025-01-03' \
	'B,Lead,2025-01-01' 'B,Qualified,2025-01-02' 'B,Proposal,2025-01-03' 'B,Qualified,2025-01-04' >in.csv
echo '== furthest'
funnel-stages --stages Lead,Qualified,Proposal in.csv
echo '== entered'
funnel-stages --mode entered --stages Lead,Qualified,Proposal in.csv
