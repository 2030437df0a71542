# Bad options are usage errors (64), before any input is read.
v=data/visits/visits.csv
for args in "--report funnel" "--stale 14" "--stale 14d" \
	"--report stale --stale 14d" "--report stale --deals-file x.csv" \
	"--report stale --deals-file x.csv --stale 2w --from 2024-03-01" \
	"--report stale --deals-file x.csv --stale 2w --by rep" \
	"--report coverage" "--segments x.csv" "--won Signed" \
	"--from 2024-03-10 --to 2024-03-01" "--asof 2024-13-01" \
	"--check stale_deals==0" "--outcome-map =advance" \
	"--outcome-map A=later" "--outcome-map A" \
	"--rep nobody" "--report stale --deals-file data/visits/deals.csv --stale 1d --check deals==0" \
	"--report stale --deals-file data/visits/deals.csv --stale 1d --check stale_deals=<1" \
	"--report stale --deals-file x.csv --stale 36h" \
	"--report stale --deals-file x.csv --stale 1m" \
	"--report stale --deals-file x.csv --stale -1d" \
	"--deals-encoding GBK" "--history-key id" "--segments-segment rfm" \
	"--report stale --deals-file x.csv --stale 1d --deals-encoding KLINGON" \
	"--report stale --deals-file x.csv --stale 1d --deals-date-format mdy"; do
	funnel-visits $args $v
	echo "exit $?"
done
