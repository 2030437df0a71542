# -f table of month-first.sh's triangle, exact bytes: a block glyph after
# each rate (1/3 -> lround(2.67) = 3 eighths U+2583, 0.4 -> 3 U+2583, 1/2
# -> 4 U+2584, 1 -> 8 U+2588, 0 -> 0, a blank), the cells of periods that
# have not ended blank, so the decay reads as a triangle.  Widths: cohort
# 7, size 4, p0 8 ("100.0% █"), p1-p3 7 ("33.3% ▃"; "0.0%" and its blank
# block are 6, padded to 7).
funnel-retention -f table data/retention/orders.csv
