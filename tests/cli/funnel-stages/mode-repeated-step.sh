# A step listed twice (signup,pageview,pageview) in ordered and strict mode
# needs an event of its own for each, later than the previous step's, as
# PostHog and Mixpanel count it: consecutive rows of a repeated step are
# not merged into one stay, except rows of one instant (one event twice).
# A: signup 01-01, pageview 01-02, pageview 01-03 -> 3 in both.
# B: signup, one pageview -> 2 (one event cannot serve two steps).
# C: pageview 01-01, signup 01-02, pageview 01-03 -> 2 (the first pageview
#    comes before signup).
# D: signup, pageview 01-02 written twice -> 2.
# E: signup 01-01, pageview 01-02, call 01-03, pageview 01-04 -> ordered 3;
#    strict 2 (call breaks the chain).
# ordered: signup 5, pageview 5, pageview 2 (A, E); days signup->pageview
# 1 each; pageview->pageview A 1, E 2 -> median 1.50, mean 1.50.
# strict: signup 5, pageview 5, pageview 1 (A, 1 day).
printf '%s\n' 'deal,event,entered_at' \
	'A,signup,2025-01-01' 'A,pageview,2025-01-02' 'A,pageview,2025-01-03' \
	'B,signup,2025-01-01' 'B,pageview,2025-01-02' \
	'C,pageview,2025-01-01' 'C,signup,2025-01-02' 'C,pageview,2025-01-03' \
	'D,signup,2025-01-01' 'D,pageview,2025-01-02' 'D,pageview,2025-01-02' \
	'E,signup,2025-01-01' 'E,pageview,2025-01-02' 'E,call,2025-01-03' \
	'E,pageview,2025-01-04' >in.csv
for mode in ordered strict; do
	echo "== $mode"
	funnel-stages --mode $mode --stages signup,pageview,pageview --stage event in.csv 2>/dev/null
done
# Letter case does not make a step of its own: Pageview is pageview.
echo '== ordered, Pageview'
funnel-stages --mode ordered --stages signup,pageview,Pageview --stage event in.csv 2>/dev/null
