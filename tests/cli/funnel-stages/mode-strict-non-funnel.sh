# Strict mode is broken by any row of the deal between two steps, funnel
# stage or not; ordered mode lets other events come between.
# A: Lead 01-01, Call 01-02, Qualified 01-03 -> strict 1, ordered 2.
# B: Lead 01-01, Qualified 01-02, Call 01-03 -> 2 in both (after the last
# step nothing is between). strict: Lead 2, Qualified 1, days B 1;
# ordered: Lead 2, Qualified 2, days A 2, B 1 -> median 1.50, mean 1.50.
# The two Call rows draw the usual warning, once per run.
printf '%s\n' 'deal,stage,entered_at' 'A,Lead,2025-01-01' 'A,Call,2025-01-02' 'A,Qualified,2025-01-03' \
	'B,Lead,2025-01-01' 'B,Qualified,2025-01-02' 'B,Call,2025-01-03' >in.csv
echo '== strict'
funnel-stages --mode strict --stages Lead,Qualified in.csv
echo '== ordered'
funnel-stages --mode ordered --stages Lead,Qualified in.csv
