# One row per deal: a second row of a deal is a data error naming both
# lines, even when the first was a won deal that is not scored.
printf 'id,status,need\na,won,4\nb,open,3\na,open,5\n' >d.csv
funnel-score -k id --dims need d.csv
echo "exit $?"
