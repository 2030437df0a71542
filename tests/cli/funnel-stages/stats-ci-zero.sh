# --ci 95% (a percentage is accepted too). 30 deals all at Lead:
#   30/30 -> 0.88649..1; 0/30 -> 0 (exactly)..0.11351 (Wilson, python3).
# Proposal: step 0/0 undefined -> conversion and its interval empty;
# overall 0/30 has the same interval as Qualified.
# Bottleneck: Qualified has 30 deals entering it (the default --min-count)
# and converts 0: it is marked; Proposal has none entering.
awk 'BEGIN { print "deal_id,stage"; for (i = 1; i <= 30; i++) print i ",Lead" }' |
funnel-stages --ci 95% --stages Lead,Qualified,Proposal
