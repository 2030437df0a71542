# -f table of the case of format-csv.sh, exact bytes: cohort left-aligned,
# the rest right-aligned, columns two blanks apart; each rate as a
# percentage followed by a blank and a block whose height is the rate in
# eighths (lround(rate * 8): 1 -> U+2588, 1/2 -> 4 -> U+2584); the
# incomplete cell blank (padding only), not "–".  Widths by hand: cohort 7
# ("2024-01"), size 4 (the name), p0 8 ("100.0% █"), p1 7 ("50.0% ▄").
funnel-retention -f table --asof 2024-02-29 data/retention/small.csv
