# Cut scores are reached within 1e-9: on a 0-10 scale, ratings 7, 7, 7 sum
# to 2.0999999999999996 in doubles, so the score is 69.99999999999999,
# which is 70 on paper and reaches the cut 70 (tier A); 3, 3, 3 gives
# 29.999999999999996, which reaches 30 (B); 9, 1, 8 gives exactly 60 (B);
# 2, 2, 2 gives 20 (C).  Python's fractions: 7/10 * 100 = 70, 3/10 * 100 = 30.
printf 'id,a,b,c\nx,7,7,7\ny,3,3,3\nz,9,1,8\nw,2,2,2\n' >r.csv
funnel-score -k id --dims a,b,c --scale 0-10 --tiers 70,30 r.csv
