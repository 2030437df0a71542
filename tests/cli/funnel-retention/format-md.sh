# Markdown of the case of format-csv.sh: rates as percentages, numbers
# right-aligned, the incomplete cell "–" as every undefined cell in md.
funnel-retention -f md --asof 2024-02-29 data/retention/small.csv
