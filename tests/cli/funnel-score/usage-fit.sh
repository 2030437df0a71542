# Options of the rule score have no effect on the fit and the other way
# round (64); a reference level that the column lacks (64); --fit with
# --report scores (64).
f=data/ucla/binary.csv
o="--status admit --won 1 --lost 0 --dims gre,gpa"
funnel-score --fit $o --tiers 80,60 $f
echo "exit $?"
funnel-score $o --categorical rank $f
echo "exit $?"
funnel-score --fit $o --categorical rank:9 $f
echo "exit $?"
funnel-score --fit --report scores $o $f
echo "exit $?"
funnel-score --fit $o --ci 1.5 $f
echo "exit $?"
