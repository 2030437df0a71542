# -o never writes over a file the run reads or keeps: an input (by any
# name: ./deals.csv is deals.csv), the --append history, or the --rejects
# file.  Each is refused before anything is read (64), and the file is
# left byte for byte as it was. Before, -o deals.csv deals.csv replaced
# the export with the KPI row.
cp data/kpi/deals.csv deals.csv
funnel-kpi --asof 2025-03-01 -o ./deals.csv deals.csv
echo "exit $?"
cmp deals.csv data/kpi/deals.csv && echo "deals.csv unchanged"
funnel-kpi --asof 2025-03-01 --append h.csv data/kpi/deals.csv >/dev/null
cp h.csv h.orig
funnel-kpi --asof 2025-03-02 -o h.csv --append h.csv data/kpi/deals.csv
echo "exit $?"
cmp h.csv h.orig && echo "h.csv unchanged"
: >r.csv
funnel-kpi --asof 2025-03-01 -o r.csv --rejects r.csv data/kpi/deals.csv
echo "exit $?"
# Nor when the files are still to be made: -o and --rejects of one new
# name (./n.csv is n.csv), -o and a new --append history; a device such as
# /dev/null is written in place, so both may name it.
funnel-kpi --asof 2025-03-01 -o n.csv --rejects ./n.csv data/kpi/deals.csv
echo "exit $?"
funnel-kpi --asof 2025-03-01 -o ./new-h.csv --append new-h.csv data/kpi/deals.csv
echo "exit $?"
ls n.csv new-h.csv 2>/dev/null || echo "neither made"
funnel-kpi --asof 2025-03-01 -o /dev/null --rejects /dev/null data/kpi/deals.csv
echo "exit $?"
# /dev/stdin, when standard input is the pipe being read, is no place
# for output either (before, --rejects /dev/stdin failed later with 74).
cat data/kpi/deals.csv | funnel-kpi --asof 2025-03-01 --rejects /dev/stdin
echo "exit $?"
cat data/kpi/deals.csv | funnel-kpi --asof 2025-03-01 -o /dev/stdin
echo "exit $?"
