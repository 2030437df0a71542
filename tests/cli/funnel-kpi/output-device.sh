# -o and --append onto a device write to it in place: a temporary file
# renamed over it would turn the device into a regular file (as root,
# -o /dev/null made /dev/null a file holding the report, for every user).
# The case makes its own devices in the scratch directory, so that a
# regression can only break those: ./null (1,3, as /dev/null) and ./full
# (1,7, as /dev/full). mknod needs root, and the scratch directory a
# filesystem that allows devices: skipped (77) otherwise.
# Expected: -o ./null exits 0, printing nothing, and null is still a
# character device that reads empty; -o ./full and --append ./full exit
# 74 with the reason (a full device is a write error, as on stdout),
# ./full still a device; no temporary or lock file is left beside them.
# The other commands share -o: funnel-stages -o ./null too.
if [ "$(id -u)" != 0 ]; then
	echo "skipped: mknod needs root" >&2
	exit 77
fi
mkdir dev
mknod dev/null c 1 3 && mknod dev/full c 1 7 || exit 1
if ! (: >dev/null) 2>/dev/null; then
	echo "skipped: devices cannot be opened here (a nodev mount?)" >&2
	exit 77
fi
funnel-kpi -o dev/null data/kpi/deals.csv
echo "-o null: exit $?"
funnel-stages -o dev/null --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
echo "funnel-stages -o null: exit $?"
test -c dev/null && echo "null is a character device, $(wc -c <dev/null) bytes"
funnel-kpi -o dev/full data/kpi/deals.csv
echo "-o full: exit $?"
funnel-kpi --append dev/full data/kpi/deals.csv >/dev/null
echo "--append full: exit $?"
test -c dev/full && echo "full is a character device"
ls dev
