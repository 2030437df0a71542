# BUG: entered mode counts a deal in the first stage when it has a lost
# row, although it never entered that stage (contract: entered counts only
# the stages actually entered; a skipped stage is not counted).
# A lost row is an outcome, not a stage entered: B's rows are Qualified
# then Closed Lost; B never entered Lead. A went Lead -> Qualified.
# Expected: Lead 1 (A), Qualified 2 (A, B): step 2/1 = 2.0000, dropped -1;
# lost 1 at Qualified (B's furthest counted stage). Days L->Q: A only, 1.
# funnel-stages prints Lead 2, Qualified 2 (step 1.0000, dropped 0).
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Qualified,2025-01-02' \
	'B,Qualified,2025-01-01' 'B,Closed Lost,2025-01-05' |
funnel-stages --mode entered --stages Lead,Qualified
