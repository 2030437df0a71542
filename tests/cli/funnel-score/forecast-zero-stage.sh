# A stage listed at 0% weighs its deals 0: it is not missing.  With
# Lead=0, Demo=40%: a (Lead, 1,000) weighs 0, b (DEMO, 500: stages match
# ignoring case) 500 * 0.4 = 200; pipeline 1500, weighted 200, expected
# wins 0 + 0.4 = 0.4.
printf '%s\n' id,stage,amount a,Lead,1000 b,DEMO,500 >z.csv
funnel-score --report forecast-deals --stage-prob 'Lead=0,Demo=40%' z.csv
funnel-score --forecast --stage-prob 'Lead=0,Demo=40%' z.csv
# An open stage absent from the table is a data error (65), never a
# default: every such stage named once, bytewise, with its deals --
# "Proposal" (c, e), "Trial" (d) and a blank stage (f).  Nothing on stdout.
printf '%s\n' id,stage,amount a,Lead,1000 b,Demo,500 c,Proposal,300 d,Trial,200 \
	e,Proposal,100 f,,50 >m.csv
funnel-score --forecast --stage-prob 'Lead=0,Demo=40%' m.csv
echo "exit $?"
funnel-score --report forecast-deals --stage-prob 'Lead=0,Demo=40%,trial=5%' m.csv
echo "exit $?"
