# The logistic fit is R's glm(admit ~ gre + gpa + factor(rank), binomial)
# on the UCLA admissions data (tests/data/ucla/binary.csv).  R's published
# output (UCLA OARC, "Logit regression | R data analysis examples"):
#   (Intercept) -3.989979 1.139951   gre 0.002264 0.001094
#   gpa 0.804038 0.331819   rank2 -0.675443 0.316490
#   rank3 -1.340204 0.345306   rank4 -1.551464 0.417832
#   null deviance 499.98 on 399 df, residual deviance 458.52 on 394 df,
#   AIC 470.52, 4 Fisher scoring iterations.
# The Wald interval (R's confint.default) is estimate +- 1.959964 SE: from
# R's rounded numbers, gre 0.002264 - 1.959964 * 0.001094 = 0.0001198 and
# gpa 0.804038 + 1.959964 * 0.331819 = 1.4543914, within 2e-6 of ours.
# The goodness of fit, from statsmodels' GLM fit with numpy and scipy
# (deciles by numpy.quantile, type 7, right-closed cut): AUC 0.6928412795,
# Brier 0.1947139642, Hosmer-Lemeshow 11.0854719967 on 8 df, p 0.1969031159.
# The checks below compare with those numbers (to their printed digits,
# from 9 decimals of ours),
# so it fails on a wrong fit whatever the golden file says.
f=data/ucla/binary.csv
opts="--status admit --won 1 --lost 0 --dims gre,gpa --categorical rank"
funnel-score --fit -p 9 $opts $f | tee coef.csv
awk -F, 'BEGIN {
	want["(intercept)"] = "-3.989979 1.139951"; want["gre"] = "0.002264 0.001094"
	want["gpa"] = "0.804038 0.331819"; want["rank=2"] = "-0.675443 0.316490"
	want["rank=3"] = "-1.340204 0.345306"; want["rank=4"] = "-1.551464 0.417832"
}
NR > 1 { split(want[$1], w, " ")
	if ($2 - w[1] > 5e-7 || w[1] - $2 > 5e-7 || $3 - w[2] > 5e-7 || w[2] - $3 > 5e-7)
		{ print "differs from R: " $0; bad = 1 }
	n++ }
$1 == "gre" && ($7 - 0.0001198 > 2e-6 || 0.0001198 - $7 > 2e-6) { print "gre ci_low differs"; bad = 1 }
$1 == "gpa" && ($8 - 1.4543914 > 2e-6 || 1.4543914 - $8 > 2e-6) { print "gpa ci_high differs"; bad = 1 }
END { if (!bad && n == 6) print "coefficients, standard errors and intervals as R" }' coef.csv
funnel-score --report stats $opts $f | tee stats.csv
awk -F, 'NR == 2 { d = $4 - 458.5175; a = $5 - 470.5175; z = $3 - 499.9765
	if ($1 == 400 && $2 == 127 && $6 == 4 && d * d < 1e-8 && a * a < 1e-8 && z * z < 1e-8)
		print "deviances, AIC and iterations as R"
	if ($7 == "0.692841" && $8 == "0.194714" && $9 == "11.085472" && $10 == 8 && $11 == "0.196903")
		print "AUC, Brier and Hosmer-Lemeshow as statsmodels and scipy" }' stats.csv
funnel-score --report calibration $opts $f
# In a table the probabilities and the observed rate are percentages, as
# win_probability is (the csv's 0.1125 as 11.3%... at 1 decimal).
funnel-score --report calibration $opts -f table $f | head -3
