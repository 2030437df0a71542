# --attribution first (default) takes a deal's group from its earliest
# funnel row, last from its latest; rows outside the funnel do not
# attribute. A: Lead 01-01 North, Qualified 01-05 South. B: Lead 01-02
# South. C: Call 01-01 East (outside: ignored, warned), Lead 01-03 North,
# Qualified 01-04 North.
# first: North {A, C} Lead 2, Qualified 2 (days A 4, C 1 -> 2.50);
#        South {B} Lead 1, Qualified 0.
#   chi-square 2/2 vs 0/1: X2 = 3, p = erfc(sqrt(1.5)) = 0.08326.
# last:  North {C} 1, 1 (days 1); South {A, B} 2, 1 (days A 4).
#   chi-square 1/1 vs 1/2: X2 = 0.75, p = erfc(sqrt(0.375)) = 0.38648.
# No East group: no deal is attributed to it. Expected counts < 5.
printf '%s\n' 'deal,stage,entered_at,region' 'A,Lead,2025-01-01,North' 'A,Qualified,2025-01-05,South' \
	'B,Lead,2025-01-02,South' 'C,Call,2025-01-01,East' 'C,Lead,2025-01-03,North' 'C,Qualified,2025-01-04,North' >in.csv
echo '== first'
funnel-stages --by region --stages Lead,Qualified in.csv
echo '== last'
funnel-stages --by region --attribution last --stages Lead,Qualified in.csv
