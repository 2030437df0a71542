# Crash safety: the history is replaced by renaming a complete temporary
# file beside it. When writing fails part way the run exits 74, the
# history is byte for byte the old one and no temporary file is left.
# The failure: a file size limit of 0 (ulimit -f 0, SIGXFSZ ignored), so
# write(2) fails with EFBIG as it would on a full disk -- a read-only
# directory would do for an unprivileged user, but the tests may run as
# root, who writes there anyway. stderr goes through a pipe, which the
# limit does not apply to. Then a history in a directory that does not
# exist: 74 as well, nothing on stdout.
funnel-kpi --asof 2025-03-14 --append hist.csv data/kpi/deals.csv >/dev/null
cp hist.csv hist.orig
( ulimit -f 0; trap '' XFSZ
  funnel-kpi --asof 2025-03-15 --append hist.csv data/kpi/deals.csv
  echo "exit $?" ) 2>&1 | cat
cmp hist.csv hist.orig && echo "hist.csv unchanged"
ls hist*
funnel-kpi --append no-such-dir/hist.csv data/kpi/deals.csv
echo "exit $?"
