# examples/kpi/Makefile, run with make -C in a scratch copy of examples/
# (the Makefile and the export it reads, ../sales_pipeline.csv), with fake
# dates through DATE (its default is today's):
#   DATE=2018-01-01, 2018-01-02: a row each in the history, a daily file
#   each (the header and the day's row, as in the history);
#   DATE=2018-01-02 again: up to date, nothing done (make -q says 0);
#   a newer export (Lajuana Vencill's deals only; the daily files made
#   older than it) for 2018-01-02: the day is redone, its row replaced,
#   both checks fail: make fails, the row is in the history, the daily
#   file deleted;
#   the full export again for 2018-01-02: the row replaced once more, and
#   make succeeds;
#   make clean: the daily files go, the history stays.
# Numbers as in examples-crontab.sh (python3 over the export).
mkdir -p ex/kpi
cp examples/kpi/Makefile ex/kpi/
cp examples/sales_pipeline.csv ex/
mk() { make -s --no-print-directory -C ex/kpi "$@"; }
mk DATE=2018-01-01; echo "make 01: exit $?"
mk DATE=2018-01-02; echo "make 02: exit $?"
mk -q DATE=2018-01-02; echo "make -q 02: exit $?"
cat ex/kpi/kpi-history.csv
cat ex/kpi/daily/2018-01-02.csv
cp ex/sales_pipeline.csv full.csv
touch -d '-1 hour' ex/kpi/daily/*.csv
awk -F, 'NR == 1 || $2 == "Lajuana Vencill"' full.csv >ex/sales_pipeline.csv
mk DATE=2018-01-02 2>err.txt; echo "make 02, newer export: exit $?"
grep -v '^make' err.txt
cat ex/kpi/kpi-history.csv
ls ex/kpi/daily
cp full.csv ex/sales_pipeline.csv
mk DATE=2018-01-02; echo "make 02, full export: exit $?"
cat ex/kpi/kpi-history.csv
mk clean; ls ex/kpi
