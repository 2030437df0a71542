# One deal, 2024-02-27 to 2024-03-02 across a leap day: 4 days. Every
# quantile is that value; sd needs two values and is undefined, not 0. The
# Kaplan-Meier curve falls to 0 at 4 days: median 4, no interval (the
# variance is infinite where S is 0), S = 0 from then on.
printf '%s\n' id,created_at,close_date,stage x,2024-02-27,2024-03-02,Won |
	funnel-cycle --survival
