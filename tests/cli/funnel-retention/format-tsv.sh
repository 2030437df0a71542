# TSV of the case of format-csv.sh: the same cells, tab-separated, the
# incomplete cell empty.
funnel-retention -f tsv --asof 2024-02-29 data/retention/small.csv
