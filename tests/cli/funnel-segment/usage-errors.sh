# Bad options are usage errors (64), before any input is read.
o=data/segment/orders.csv
for args in "--method kmeans" "--report thresholds" \
	"--grid 4" "--abc 0.9,0.8 --method abc" "--abc 1.5 --method abc" \
	"--potential growth" "--potential growth --from 2024-01-01 --to 2024-03-31 --mid 2024-01-01" \
	"--names a,b,c" "--grid 3 --value-cut mean" "--retention-to 2024-05-01" \
	"--to 2024-03-31 --retention-to 2024-03-31" "--method abc --grid 3" \
	"--abc-crossing" "--value amount" "--customer-level" \
	"--customer-level --value amount --potential frequency" \
	"--attrs-key id" "--value-cut q=2" "--value-cut high" \
	"--from 2024-03-01 --to 2024-01-01" "--global-cuts"; do
	funnel-segment $args $o
	echo "exit $?"
done
