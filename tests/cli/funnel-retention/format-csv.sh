# The four delimited/structured formats and the table on one small case,
# data/retention/small.csv as of 2024-02-29 (February has ended):
# Jan {A,B}: p1 {A} 1/2; Feb {C}: p1 (March) not ended, empty.
# all: p1 1/2 (January alone has the offset).
# CSV: rates as fractions with 4 digits, the incomplete cell empty.
funnel-retention -f csv --asof 2024-02-29 data/retention/small.csv
