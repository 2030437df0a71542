# Competition ranks within a group (1, 2, 2, 4) and quantile tiers: with
# --tiers quantile:3 the i-th of n scored deals (0-based, by score then
# key) is tier A + floor(3i/n).  Group N has 4 deals: scores 100 (a), 75
# (b and c, tied: rank 2 both, b first by key), 50 (d, rank 4); tiers
# floor(0) A, floor(3/4) A, floor(6/4) B, floor(9/4) C.  Group S has 2:
# e 25 (rank 1, A), f 0 (rank 2, floor(3/2) = B).  One dimension, 1-5.
printf 'id,region,r\nd,N,3\nc,N,4\na,N,5\nb,N,4\nf,S,1\ne,S,2\n' >q.csv
funnel-score -k id --dims r -b region --tiers quantile:3 q.csv
