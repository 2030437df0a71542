# The bundled example, default options: ratings 1-5, n = (r - 1) / 4, equal
# weights, so score = 100 * mean(n) = 5 * (sum of ratings - 5).  By hand:
#   O-106 4+5+5+4+5 = 23 -> 90 A (weakest: need, the first of two 4s)
#   O-103 22 -> 85 A (competition 3)   O-101 20 -> 75 A, exactly at the cut
#   O-105 19 -> 70 B (authority 3)     O-110 17 -> 60 B (competition 2)
#   O-102 13 -> 40 C (budget, the first of two 2s)   O-109 13 -> 40 C, rank
#   6 shared with O-102 (key order), O-104 10 -> 25 C (at the cut), rank 8.
# O-107 (won) and O-108 (lost) are not scored: with --all they are, O-107
# 5+5+5+4+4 = 23 -> 90, tied first with O-106; O-108 8 -> 15 D.
funnel-score examples/opportunities.csv
funnel-score --all examples/opportunities.csv
