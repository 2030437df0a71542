# --within 2w (14 days) limits which later stages count in furthest and
# entered modes: stages first entered within 14 days of the first step,
# bound inclusive. A: Lead 01-01, Qualified 01-05, Proposal 01-15 00:00:00
# (exactly 14 d) -> all three. B: Lead 01-01, Proposal 01-15 00:00:01 (one
# second past) -> Lead only. C: Lead 01-01, Proposal 01-10 (Qualified
# skipped), Won 02-01 (outside) -> up to Proposal.
# furthest: Lead 3, Qualified 2 (A, C), Proposal 2, Won 0.
# entered: Lead 3, Qualified 1 (A), Proposal 2 (A, C; 2/1, dropped -1).
# Days: L->Q A 4 (C has no Qualified time); Q->P A 10.
printf '%s\n' 'deal,stage,entered_at' \
	'A,Lead,2025-01-01T00:00:00' 'A,Qualified,2025-01-05T00:00:00' 'A,Proposal,2025-01-15T00:00:00' \
	'B,Lead,2025-01-01T00:00:00' 'B,Proposal,2025-01-15T00:00:01' \
	'C,Lead,2025-01-01T00:00:00' 'C,Proposal,2025-01-10T00:00:00' 'C,Won,2025-02-01T00:00:00' >in.csv
for mode in furthest entered; do
	echo "== $mode"
	funnel-stages --mode $mode --within 2w --stages Lead,Qualified,Proposal,Won in.csv
done
