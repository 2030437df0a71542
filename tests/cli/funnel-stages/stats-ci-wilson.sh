# --ci LEVEL: Wilson score intervals,
#   p~ = (k + z^2/2) / (n + z^2),  half = z sqrt(k(n-k)/n + z^2/4) / (n + z^2)
# worked in python3 from the formula (k = n: the upper bound is exactly 1).
# 1) --ci 0.95 (z = 1.959964). Snapshot of 20 deals: 2 at Lead, 9 at
#    Qualified, 9 at Proposal -> reached 20, 18, 9.
#    20/20 -> 0.83887..1; 18/20 -> 0.69897..0.97213;
#    9/18 -> 0.29031..0.70969 (step), 9/20 -> 0.25820..0.65791 (overall).
# 2) --ci 0.90 (z = 1.644854). 1 Lead, 2 Qualified, 1 Proposal -> 4, 3, 1.
#    4/4 -> 0.59652..1; 3/4 -> 0.35617..0.94209; 1/3 -> 0.07827..0.74647;
#    1/4 -> 0.05791..0.64383.
# No step has 30 deals entering it: bottleneck 0; no times: days empty.
awk 'BEGIN { print "deal_id,stage"
	for (i = 1; i <= 20; i++) print i "," (i <= 2 ? "Lead" : i <= 11 ? "Qualified" : "Proposal") }' |
funnel-stages --ci 0.95 --stages Lead,Qualified,Proposal
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Qualified' '3,Qualified' '4,Proposal' |
funnel-stages --ci 0.90 --stages Lead,Qualified,Proposal
