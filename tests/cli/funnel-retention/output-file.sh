# -o FILE writes the result there (CSV, as with a pipe) and nothing to
# stdout; the numbers are those of format-csv.sh.
funnel-retention -o out.csv --asof 2024-02-29 data/retention/small.csv
echo "exit $?"
cat out.csv
