# A history shared by a group keeps working whoever runs the job. Before,
# the lock file was made 0644 whatever the umask and opened for writing,
# so that the group's second user could not lock it (74), and each
# rewrite gave the history the owner and group of whoever ran it.
# Expected, under umask 002, in a set-group-ID directory of group 1234
# (ids are numbers: no accounts needed):
# 1) user 1001 starts the history: history and lock 1001:1234, mode 664;
# 2) user 1002, of group 1234, appends: the lock opens read-only (flock(2)
#    needs no more), the history keeps its group and mode; its owner is
#    now 1002, as only root may give a file away;
# 3) user 1001 again can append;
# 4) root appends: owner, group and mode are kept exactly;
# 5) a private history (640, 1001:1234) appended to by root stays so,
#    and so does an -o report.
# Needs root (to run as the users and change owners): skipped otherwise.
if [ "$(id -u)" != 0 ]; then
	echo "skipped: needs root to run as other users" >&2
	exit 77
fi
as() {
	user=$1
	shift
	setpriv --reuid="$user" --regid=1234 --clear-groups "$@"
}
umask 002
chmod 755 .
mkdir shared
chown 1001:1234 shared
chmod 2775 shared
as 1001 funnel-kpi --asof 2025-03-14 --append shared/kpi.csv data/kpi/deals.csv >/dev/null
echo "1) exit $?"
stat -c '%u:%g %a %n' shared/kpi.csv shared/kpi.csv.lock
as 1002 funnel-kpi --asof 2025-03-15 --append shared/kpi.csv data/kpi/deals.csv >/dev/null
echo "2) exit $?"
stat -c '%u:%g %a %n' shared/kpi.csv
as 1001 funnel-kpi --asof 2025-03-16 --append shared/kpi.csv data/kpi/deals.csv >/dev/null
echo "3) exit $?"
stat -c '%u:%g %a %n' shared/kpi.csv
funnel-kpi --asof 2025-03-17 --append shared/kpi.csv data/kpi/deals.csv >/dev/null
echo "4) exit $?"
stat -c '%u:%g %a %n' shared/kpi.csv
cut -d, -f1 shared/kpi.csv
funnel-kpi --asof 2025-03-14 --append private.csv data/kpi/deals.csv >/dev/null
echo report >report.csv
chown 1001:1234 private.csv report.csv
chmod 640 private.csv report.csv
funnel-kpi --asof 2025-03-15 --append private.csv -o report.csv data/kpi/deals.csv
echo "5) exit $?"
stat -c '%u:%g %a %n' private.csv report.csv
ls shared
