# Usage errors (64) before anything is read: weights not one per
# dimension, negative or all 0; a scale whose ends are the wrong way
# round; weights adding up to more than a double; cut scores not strictly
# decreasing; a dimension listed twice; an
# unknown report; and a dimension's column missing from the header (the
# header is listed).
printf 'id,need,budget\na,4,5\n' >r.csv
for opts in "--weights 1,2,3" "--weights 1,-1" "--weights 0,0" \
	"--scale 5-1" "--scale 1to5" "--tiers 50,75" "--tiers quantile:0" \
	"--dims need,need" "--report bogus" \
	"--weights 1e308,1e308"; do
	funnel-score -k id --dims need,budget $opts r.csv
	echo "exit $?"
done
funnel-score -k id --dims need,budget,timeline r.csv
echo "exit $?"
