# The fit refuses what R's glm cannot fit, naming the term, and warns as
# glm.fit does about separation (65 with --strict-fit).
# 1. Only won deals: nothing to tell a win from.
printf 'id,status,x\na,won,1\nb,won,2\nc,won,3\n' >one.csv
funnel-score --fit --dims x one.csv
echo "exit $?"
# 2. A duplicated predictor: the second copy is aliased (R's NA).
printf 'id,status,x,y\na,won,1,1\nb,lost,2,2\nc,won,3,3\nd,lost,5,5\ne,won,4,4\n' >dup.csv
funnel-score --fit --dims x,y dup.csv
echo "exit $?"
# 3. x separates won (x >= 3) from lost: probabilities of 0 and 1, a
#    warning, and an error with --strict-fit.
printf 'id,status,x\na,lost,1\nb,lost,2\nc,won,3\nd,won,4\n' >sep.csv
funnel-score --fit --dims x sep.csv >/dev/null
echo "exit $?"
funnel-score --fit --strict-fit --dims x sep.csv
echo "exit $?"
# 4. A predictor that is not a number, or blank (65 at its cell; with
#    --skip-bad the row is left out, as R's na.omit does).
printf 'id,status,x\na,lost,1\nb,won,high\nc,lost,\n' >nan.csv
funnel-score --fit --dims x nan.csv
echo "exit $?"
# 5. More terms than rows: n <= p.
printf 'id,status,x,y\na,lost,1,3\nb,won,2,1\n' >few.csv
funnel-score --fit --dims x,y few.csv
echo "exit $?"
