# --missing renormalize scores a deal on the dimensions it is rated on.
# Weights 3, 1, 1 on a 1-5 scale:
#   a: 5, 5, 1 -> (3*1 + 1 + 0) / 5 = 0.8 -> 80.00 A, rated 3, weakest c
#   b: blank, 5, 3 -> (1 + 0.5) / 2 = 0.75 -> 75.00 A, rated 2, weakest c
#   c: 2, blank, blank -> 0.25 / 1 -> 25.00 C, rated 1, weakest a
#   d: all blank -> no score, tier or rank; rated 0; last
# Without --missing renormalize, b's blank rating is an error (65).
printf 'id,a,b,c\nd,,,\nc,2,,\nb,,5,3\na,5,5,1\n' >m.csv
funnel-score -k id --dims a,b,c --weights 3,1,1 --missing renormalize m.csv
funnel-score -k id --dims a,b,c m.csv
echo "exit $?"
