# --append FILE keeps the row in a CSV history:
# 1) a new file gets the header line, then the row; stdout has the row too.
# 2) a run for another date adds its row; the header is not repeated.
# 3) an empty (0-byte) file is a new history: it gets the header.
# 4) -p changes what is shown, not the history, which keeps each column's
#    own digits so that its rows compare (-p 1: 0.25 prints as 0.2, printf
#    rounding an exact tie to even; 2777.78 as 2777.8).
# The numbers are those of kpis-hand-worked.sh and velocity-reference.sh.
# What remains beside the histories: each one's lock file, and no
# temporary file.
funnel-kpi --append hist.csv data/kpi/deals.csv
cat hist.csv
funnel-kpi --asof 2025-03-16 --append hist.csv data/kpi/deals.csv >/dev/null
cat hist.csv
: >empty.csv
funnel-kpi -p 1 --append empty.csv data/kpi/velocity.csv
cat empty.csv
ls *.csv*
