# A run killed by SIGTERM, SIGINT or SIGHUP while it writes --append or -o
# leaves no temporary file, and the file is the old one or the new one,
# whole. Before, each kill during the write left a full-size FILE.XXXXXX
# beside the file: a nightly job stopped by timeout(1) filled the disk.
# The runs: --append to a history of 10,000 rows (made with awk; the run
# rewrites it), and -o of a 10,000-row report (--by deal_id over 10,000
# deals). Each is run 10 times and killed: at once when its temporary
# file appears (polled), or after a delay spread over the run; TERM,
# INT and HUP in turn (env --default-signal: sh starts a background job
# with SIGINT ignored). What is compared: an uninterrupted run's file
# (new) and the file before (old).
funnel-kpi --asof 2025-03-15 --append h0.csv data/kpi/deals.csv >/dev/null
awk -F, -v OFS=, 'NR == 1 { print; next }
	{ for (i = 0; i < 10000; i++) {
		$1 = sprintf("%04d-%02d-%02d", 1900 + int(i / 336),
			     1 + int(i % 336 / 28), 1 + i % 28); print } }' h0.csv >h-old.csv
cp h-old.csv h.csv
funnel-kpi --asof 2025-03-15 --append h.csv data/kpi/deals.csv >/dev/null
mv h.csv h-new.csv
awk 'BEGIN { print "deal_id,region,deal_stage,deal_status,created_at,close_date,amount"
	for (i = 0; i < 10000; i++)
		printf "D%05d,North,Proposal,won,2025-01-06,2025-02-05,%d\n", i, 100 + i % 50 }' >big.csv
echo "old report" >o-old.csv
funnel-kpi --by deal_id -o o-new.csv big.csv

# try FILE DELAY SIGNAL COMMAND...: runs COMMAND, kills it with SIGNAL
# after DELAY seconds or, with DELAY "temp", once FILE.?????? exists;
# then checks what is left.
try() {
	file=$1 delay=$2 sig=$3
	shift 3
	cp "$file-old.csv" "$file.csv"
	env --default-signal=INT "$@" >/dev/null 2>&1 &
	pid=$!
	if [ "$delay" = temp ]; then
		while kill -0 "$pid" 2>/dev/null; do
			for tmp in "$file".csv.??????; do :; done
			[ -e "$tmp" ] && break
		done
	else
		sleep "$delay"
	fi
	kill -s "$sig" "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
	for tmp in *.??????; do
		[ -e "$tmp" ] && echo "$file ($delay, $sig): $tmp left" && rm "$tmp"
	done
	cmp -s "$file.csv" "$file-old.csv" || cmp -s "$file.csv" "$file-new.csv" ||
		echo "$file ($delay, $sig): neither the old nor the new file"
}
n=0
for delay in temp 0.05 temp 0.1 temp 0.15 temp 0.2 temp 0.3; do
	case $((n % 3)) in 0) sig=TERM ;; 1) sig=INT ;; 2) sig=HUP ;; esac
	n=$((n + 1))
	try h "$delay" "$sig" funnel-kpi --asof 2025-03-15 --append h.csv data/kpi/deals.csv
	try o "$delay" "$sig" funnel-kpi --by deal_id -o o.csv big.csv
done
echo "$n tries each, checked"
