# --stage-prob-file: lines stage,probability, a header line and '#'
# comments allowed, read as funnel-kpi reads --probabilities (10%, 10 and
# 0.1 alike).  Lead 10%, Demo 0.25, Proposal 0.5: Lead 1000 -> 100, Demo
# 2000 -> 500, Proposal 4000 -> 2000: pipeline 7000, weighted 2600,
# expected wins 0.1 + 0.25 + 0.5 = 0.85.  The same table in bare
# percentages (10, 25, 50) gives the same.
printf '%s\n' id,stage,amount a,Lead,1000 b,Demo,2000 c,Proposal,4000 >d.csv
printf '%s\n' stage,probability '# our own' Lead,10% Demo,0.25 Proposal,0.5 >p.csv
printf '%s\n' Lead,10 Demo,25 Proposal,50 >pct.csv
funnel-score --forecast --stage-prob-file p.csv d.csv
funnel-score --forecast --stage-prob-file pct.csv d.csv
# A file mixing fractions and bare percentages is refused (64), naming
# both lines: is 25 a percentage, or 0.25 mistyped?  So is such a list.
printf '%s\n' stage,probability Lead,0.1 Demo,25 Proposal,0.5 >mixed.csv
funnel-score --forecast --stage-prob-file mixed.csv d.csv
echo "exit $?"
funnel-score --forecast --stage-prob 'Lead=0.1,Demo=25' d.csv
echo "exit $?"
# A line that is not stage,probability (64); a file that is not there (66);
# both --stage-prob and --stage-prob-file (64: one table).
printf '%s\n' stage,probability Lead,0.1 Demo >short.csv
funnel-score --forecast --stage-prob-file short.csv d.csv
echo "exit $?"
funnel-score --forecast --stage-prob-file nowhere.csv d.csv
echo "exit $?"
funnel-score --forecast --stage-prob-file p.csv --stage-prob Lead=1% d.csv
echo "exit $?"
