# A categorical column whose levels are all numbers is numeric, as R's
# factor() of a numeric column: "2", "02" and "2.0" are one level, named
# "2" (the shortest), and --model matches a deal's "2.00" to it.
#   level 1: e lost, f won, g lost (1.0): 1 won of 3, odds 1/2;
#   level 2: a won, b lost (2.0), h won (02): 2 of 3, odds 2;
#   level 3: c won, d lost: 1 of 2, odds 1.
# Reference 1: intercept log(1/2) = -0.693147, n=2 log(2 / (1/2)) =
# log 4 = 1.386294, n=3 log(1 / (1/2)) = log 2 = 0.693147.
cat >num.csv <<'CSV'
id,status,n
a,won,2
b,lost,2.0
c,won,3
d,lost,3
e,lost,1
f,won,1
g,lost,1.0
h,won,02
CSV
funnel-score --fit --dims '' --categorical n --save-model num.model num.csv | cut -d, -f1,2
echo "exit $?"
grep '^# [lr]' num.model
# The reference named as another spelling of a number: n:2.0 is level 2:
# intercept log 2 = 0.693147, n=1 log((1/2) / 2) = -1.386294, n=3
# log(1 / 2) = -0.693147.
funnel-score --fit --dims '' --categorical n:2.0 num.csv | cut -d, -f1,2
# Deals written "2.00" and "1e0": the levels 2 (2/3 = 0.666667) and 1
# (1/3 = 0.333333); "4" is no level (65).
cat >open.csv <<'CSV'
id,n,need,budget,authority,timeline,competition
x,2.00,3,3,3,3,3
y,1e0,3,3,3,3,3
CSV
funnel-score --model num.model open.csv | cut -d, -f1,7
printf 'id,n,need,budget,authority,timeline,competition\nz,4,3,3,3,3,3\n' >four.csv
funnel-score --model num.model four.csv
echo "exit $?"
