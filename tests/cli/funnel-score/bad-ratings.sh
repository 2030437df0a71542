# A rating that is not a number, or is outside the scale, is a data error
# at its cell (65); with --skip-bad the row is skipped and counted.
printf 'id,need,budget\na,4,5\nb,x,3\nc,6,1\nd,0,1\n' >r.csv
funnel-score -k id --dims need,budget r.csv
echo "exit $?"
sed -n '1,2p;4p' r.csv >r6.csv
funnel-score -k id --dims need,budget r6.csv
echo "exit $?"
funnel-score -k id --dims need,budget --skip-bad r.csv
echo "exit $?"
# On a 0-10 scale 0 and 6 are ratings: a 4+5 -> (0.4+0.5)/2 = 45, c 6+1
# -> 35, d 0+1 -> 5 (b still not a number).
funnel-score -k id --dims need,budget --scale 0-10 --skip-bad r.csv
echo "exit $?"
# A quoted line end in a cell is written as \n: a message is one line.
printf 'id,need,budget,authority,timeline,competition\n1,3,3,3,3,"4\n"\n' >nl.csv
funnel-score nl.csv
echo "exit $?"
