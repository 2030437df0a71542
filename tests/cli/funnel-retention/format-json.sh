# JSON of the case of format-csv.sh: counts and rates are numbers, the
# cohort a string, the incomplete cell null.
funnel-retention -f json --asof 2024-02-29 data/retention/small.csv
