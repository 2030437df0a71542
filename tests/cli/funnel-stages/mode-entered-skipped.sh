# A skipped stage: A went Lead -> Proposal without Qualified; B went through
# all three. furthest counts A in Qualified too (reaching Proposal implies
# it); entered counts only the stages actually entered: Qualified 1, so
# step_conversion at Proposal is 2/1 = 2.0000 and dropped 1 - 2 = -1.
# Days (first entry of previous stage -> this one, both times known): A has
# no Qualified time in either mode, so only B: L->Q 1 day, Q->P 2 days.
# bottleneck 0 throughout: no step has 30 deals entering it.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Proposal,2025-01-03' \
	'B,Lead,2025-01-01' 'B,Qualified,2025-01-02' 'B,Proposal,2025-01-04' >in.csv
echo '== furthest'
funnel-stages --stages Lead,Qualified,Proposal in.csv
echo '== entered'
funnel-stages --mode entered --stages Lead,Qualified,Proposal in.csv
