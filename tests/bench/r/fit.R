# R peer of the benchmark's fit job: Rscript fit.R FILE (run only when R
# is installed).  glm(won ~ amount + discount + need + budget + authority +
# timeline + competition + source, binomial): read.csv, source a factor
# (its levels sorted, the first the reference, as ours); prints the
# coefficient table in the benchmark's common form (../norm.py):
# term,estimate,std_error,z per line, ours' term names, 17 digits.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
d$won <- as.integer(d$status == "won")
d$source <- factor(d$source, levels = sort(unique(d$source), method = "radix"))
m <- glm(won ~ amount + discount + need + budget + authority + timeline +
           competition + source, family = binomial, data = d)
s <- coef(summary(m))
terms <- c("(intercept)", "amount", "discount", "need", "budget", "authority",
           "timeline", "competition", paste0("source=", levels(d$source)[-1]))
writeLines(sprintf("%s,%.17g,%.17g,%.17g", terms, s[, 1], s[, 2], s[, 3]))
