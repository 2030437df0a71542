# --save-model keeps the UCLA fit (admit ~ gre + gpa + factor(rank), R's
# glm; see fit-ucla.sh), and --model gives other deals their win
# probability from it.
f=data/ucla/binary.csv
opts="--status admit --won 1 --lost 0 --dims gre,gpa --categorical rank"
# 1. The report is printed as without --save-model; the file has the
#    coefficients to 17 digits after the levels of rank (reference 1).
funnel-score --fit $opts --save-model model.csv $f >coef.csv
echo "exit $?"
funnel-score --fit $opts $f | cmp - coef.csv && echo "report unchanged"
grep '^#' model.csv | sed 's/(libfunnel [^)]*)/(libfunnel V)/'
# Every estimate within 5e-7 of R's published ones (fit-ucla.sh).
awk -F, 'BEGIN {
	want["(intercept)"] = -3.989979; want["gre"] = 0.002264
	want["gpa"] = 0.804038; want["rank=2"] = -0.675443
	want["rank=3"] = -1.340204; want["rank=4"] = -1.551464
}
/^[^#]/ && $1 != "term" { d = $2 - want[$1]; if (d > 5e-7 || d < -5e-7) bad = 1; n++ }
END { print n " terms, " (bad ? "NOT as in R" : "as in R") }' model.csv
# 2. UCLA's page predicts, at the means of gre (587.7) and gpa (3.3899),
#    0.5166016, 0.3522846, 0.2186120 and 0.1846684 for ranks 1 to 4.
#    Deal u1 is the first applicant (gre 380, gpa 3.61, rank 3): R's
#    fitted value 0.1726265; by hand, eta = -3.989979 + 0.002264426 * 380
#    + 0.804038 * 3.61 - 1.340204 = -1.567124, 1 / (1 + e^1.567124) =
#    0.172627.  Won and lost deals are not scored (no --all).
cat >open.csv <<'CSV'
id,status,gre,gpa,rank,need,budget,authority,timeline,competition
m1,open,587.7,3.3899,1,5,5,5,5,5
m2,,587.7,3.3899,2,4,4,4,4,4
m3,open,587.7,3.3899,3,3,3,3,3,3
m4,open,587.7,3.3899,4,2,2,2,2,2
u1,open,380,3.61,3,1,1,1,1,1
w1,won,380,3.61,3,1,1,1,1,1
CSV
funnel-score --model model.csv open.csv
echo "exit $?"
# 3. A rank the fit never saw is an error, or the reference with
#    --unseen reference: eta = -3.989979 + 0.002264426 * 500 + 0.804038 *
#    3 = -0.445654, p = 1 / (1 + e^0.445654) = 1 / 2.561498 = 0.390395,
#    within a unit of the 6th decimal (R's rounded estimates).
printf 'id,gre,gpa,rank,need,budget,authority,timeline,competition\nx1,500,3,5,3,3,3,3,3\n' >unseen.csv
funnel-score --model model.csv unseen.csv
echo "exit $?"
funnel-score --model model.csv --unseen reference unseen.csv
echo "exit $?"
# 4. Levels with a comma, a quote or nothing (the level "(blank)") keep
#    their names through the file.  With region the only term, each
#    level's fitted probability is its win rate: "North, East" 2 of 3 =
#    0.666667, "O'Hare ""Hub""" 1 of 2 = 0.5, blank 1 of 4 = 0.25.
#    --dims '' fits on the levels alone.
cat >regions.csv <<'CSV'
id,status,region
a,won,"North, East"
b,won,"North, East"
c,lost,"North, East"
d,won,"O'Hare ""Hub"""
e,lost,"O'Hare ""Hub"""
f,won,
g,lost,
h,lost,
i,lost,
CSV
funnel-score --fit --dims '' --categorical region --save-model regions-model.csv regions.csv >/dev/null
echo "exit $?"
grep '^#' regions-model.csv | tail -2
cat >regions-open.csv <<'CSV'
id,region,need,budget,authority,timeline,competition
r1,"North, East",3,3,3,3,3
r2,"O'Hare ""Hub""",3,3,3,3,3
r3,,3,3,3,3,3
CSV
funnel-score --model regions-model.csv regions-open.csv
echo "exit $?"
