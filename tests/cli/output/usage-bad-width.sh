# --width takes a number of columns, 0 or more: a negative one, one that
# is no number, one with trailing text and an empty one are usage errors
# (64), each said on stderr; nothing is written.
for w in -1 80x abc ''; do
	funnel-retention -f table --width "$w" data/retention/orders.csv
	echo "exit $?"
done
