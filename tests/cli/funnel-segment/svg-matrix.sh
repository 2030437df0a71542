# --format svg draws the matrix summary as a grid of bubbles (issue 22):
# high value on top, high potential on the right, each bubble's area its
# value over the group's largest, so its radius is 33 px (the room in a
# cell) times the square root of that.  With cuts 200 and 5:
#   key      A 400, potential 9: 33 * sqrt(400/400) = 33.00, top right;
#   maintain C 300, potential 1: 33 * sqrt(0.75)    = 28.58, top left;
#   develop  B 100, potential 9: 33 * sqrt(0.25)    = 16.50;
#   basic    D  25, potential 1: 33 * sqrt(1/16)    =  8.25.
# The shares written are of 825: 48.5%, 36.4%, 12.1%, 3.0%.
printf 'customer_id,value,visits\nA,400,9\nB,100,9\nC,300,1\nD,25,1\n' >c.csv
funnel-segment --customer-level --value value --potential visits \
	--value-cut 200 --potential-cut 5 --report summary -f svg c.csv >m.svg
echo "exit $?"
xmllint --noout m.svg && echo "well-formed XML"
grep -o '<rect x="[0-9.]*" y="[0-9.]*" width="170"\|<circle[^>]*r="[0-9.]*"\|>[^<]* of value<' m.svg |
	sed 's/ fill.*//'
# The labels report has no chart yet: 64.
funnel-segment --customer-level --value value --potential visits -f svg c.csv
echo "exit $?"
