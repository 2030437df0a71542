# A deal's own probability (--prob) wins over its stage's when the cell is
# not blank (Pipedrive: "deal probability is always prioritised over stage
# probability"); a blank cell falls back on the stage.  Demo=40%:
#   a Demo  1000, p 75    -> deal  0.75, weighs  750
#   b Demo  2000, p blank -> stage 0.40, weighs  800
#   c Demo   400, p 5%    -> deal  0.05, weighs   20
#   d Pilot  100, p 0     -> deal  0,    weighs    0 (its stage is in no
#                            table, and needs none)
# Sums: pipeline 3500, weighted 1570, expected wins 0.75 + 0.4 + 0.05 = 1.2.
printf '%s\n' id,stage,amount,p a,Demo,1000,75 b,Demo,2000, c,Demo,400,5% \
	d,Pilot,100,0 >pct.csv
funnel-score --report forecast-deals --stage-prob Demo=40% --prob p pct.csv
funnel-score --forecast --stage-prob Demo=40% --prob p pct.csv
# --prob-fraction: the same deals written 0.75, blank, 5% (a percent sign
# is a percentage either way), 0: the same table.
printf '%s\n' id,stage,amount,p a,Demo,1000,0.75 b,Demo,2000, c,Demo,400,5% \
	d,Pilot,100,0 >frac.csv
funnel-score --report forecast-deals --stage-prob Demo=40% --prob p \
	--prob-fraction frac.csv
# Without --prob-fraction, 0.75 is 0.75% (N is a percentage from 0 to
# 100): a weighs 1000 * 0.0075 = 7.5.
funnel-score --report forecast-deals --stage-prob Demo=40% --prob p frac.csv | sed -n 2p
# A cell that is not N or N% from 0 to 100 is a data error at its cell
# (65): 150, "high", -5; with --prob-fraction, 75 (above 1).  --skip-bad
# skips the row (b, c and d remain: 800 + 20 + 0 = 820).
for bad in 150 high -5; do
	printf '%s\n' id,stage,amount,p a,Demo,1000,$bad b,Demo,2000, c,Demo,400,5% \
		d,Pilot,100,0 >bad.csv
	funnel-score --forecast --stage-prob Demo=40% --prob p bad.csv
	echo "exit $?"
done
funnel-score --forecast --stage-prob Demo=40% --prob p --prob-fraction pct.csv
echo "exit $?"
funnel-score --forecast --stage-prob Demo=40% --prob p --skip-bad bad.csv
echo "exit $?"
