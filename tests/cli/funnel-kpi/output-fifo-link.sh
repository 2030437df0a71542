# -o and --append follow links and write to a FIFO in place; only a
# regular file is replaced by renaming a temporary file over it. Before,
# the rename replaced whatever the name was: the FIFO (its reader hung),
# the link (its target never written).
# 1) -o fifo, a reader started first: it gets the row (the row of
#    kpis-hand-worked.sh, compared with a run to stdout); fifo stays a
#    FIFO. timeout(1) keeps a regression from hanging the suite.
# 2) -o ./stdout, a link to /proc/self/fd/1 as /dev/stdout is: the row
#    goes to standard output, here a file opened for appending, after
#    the line already there; the link stays.
# 3) -o link to report.csv: report.csv gets the row, link stays a link.
# 4) -o dangling, a link to a file that does not exist yet (in another
#    directory, relative to the link): the file is created there.
# 5) --append history, a dangling link: the history is created where it
#    points (its lock beside it), twice; the link stays.
funnel-kpi data/kpi/deals.csv >want.csv
mkfifo fifo
timeout 10 cat fifo >got.csv &
timeout 10 funnel-kpi -o fifo data/kpi/deals.csv
echo "1) exit $?"
wait
cmp want.csv got.csv && echo "1) the reader got the row"
test -p fifo && echo "1) fifo is a FIFO"
ln -s /proc/self/fd/1 stdout
echo "a line before" >log.txt
funnel-kpi -o ./stdout data/kpi/deals.csv >>log.txt
echo "2) exit $?"
cat log.txt
test -L stdout && echo "2) stdout is a link"
echo old >report.csv
ln -s report.csv link
funnel-kpi -o link data/kpi/deals.csv
cmp want.csv report.csv && test -L link && echo "3) report.csv written, link kept"
mkdir sub reports
ln -s ../reports/new.csv sub/dangling
funnel-kpi -o sub/dangling data/kpi/deals.csv
cmp want.csv reports/new.csv && test -L sub/dangling && echo "4) reports/new.csv created, link kept"
ln -s reports/kpi.csv history
funnel-kpi --asof 2025-03-14 --append history data/kpi/deals.csv >/dev/null
funnel-kpi --asof 2025-03-15 --append history data/kpi/deals.csv >/dev/null
test -L history && echo "5) history is a link"
cut -d, -f1-3 reports/kpi.csv
ls reports
