# Appending to a history in a read-only directory: the temporary file that
# would replace it cannot be made, so the run exits 74 naming the history,
# writes nothing on stdout, and leaves the history byte for byte as it was,
# with no temporary file beside it. (append-write-fails.sh fails later,
# once the temporary file exists.) The lock file is made writable first so
# that the run gets that far. The run must be unprivileged: as root, who
# writes into read-only directories, the case runs it as nobody
# (setpriv(1)), the scratch directory opened to it.
as_user() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		"$@"
	fi
}
chmod 755 .
mkdir hist
funnel-kpi --asof 2025-03-14 --append hist/kpi.csv data/kpi/deals.csv >/dev/null
cp hist/kpi.csv kpi.orig
chmod 666 hist/kpi.csv.lock
chmod 555 hist
as_user funnel-kpi --asof 2025-03-15 --append hist/kpi.csv data/kpi/deals.csv
echo "exit $?"
cmp hist/kpi.csv kpi.orig && echo "history unchanged"
ls hist
chmod 755 hist
