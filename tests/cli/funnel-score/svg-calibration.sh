# --format svg draws --report calibration as a calibration plot (issue
# 22): a point a Hosmer-Lemeshow group at (mean_predicted,
# observed_rate) on a 360 px square from (66, 62), so x = 66 + 360 *
# mean_predicted and y = 62 + 360 - 360 * observed_rate, each named
# "group: observed_rate" as the table shows it, but for a label that
# would cover an earlier one (within 11 px up or down and 60 across: 2,
# 5 and 7 here, as 1, 4 and 6 sit close).  The points are checked
# against the csv's numbers with awk (the csv is R's, fit-ucla).
f=data/ucla/binary.csv
opts="--fit --status admit --won 1 --lost 0 --dims gre,gpa --categorical rank"
funnel-score --report calibration $opts -f svg $f >c.svg
echo "exit $?"
xmllint --noout c.svg && echo "well-formed XML"
funnel-score --report calibration $opts $f |
	awk -F, 'NR > 1 { printf "%.2f %.2f\n", 66 + 360 * $5, 62 + 360 - 360 * $6 }' >want.txt
grep -o '<circle cx="[0-9.]*" cy="[0-9.]*"' c.svg | sed 's/.*cx="//; s/" cy="/ /; s/"//' >got.txt
cmp want.txt got.txt && echo "points = csv ($(wc -l <got.txt) groups)"
grep -o '">[0-9]*: [0-9.]*%<' c.svg | tr -d '"<>'
