# The first-to-last line: below a -f table after a blank line, and on
# stderr with --verbose (csv on stdout has no footer): "N deals went from A
# to B: median X days, mean Y days", two decimals. D1 1 day, D2 2, D3 6 from
# Lead to Qualified, D4 Lead only: 3 deals, median 2, mean 3.
# The table: days columns with 2 decimals ("–" where undefined); the
# bottleneck column is not shown in a table (and no step has 30 deals
# entering it: no mark). Lead 4, Qualified 3 (75.0%); bars of 24 and 18.
printf '%s\n' 'deal,stage,entered_at' 'D1,Lead,2025-01-01' 'D1,Qualified,2025-01-02' \
	'D2,Lead,2025-01-01' 'D2,Qualified,2025-01-03' 'D3,Lead,2025-01-01' 'D3,Qualified,2025-01-07' \
	'D4,Lead,2025-01-01' >in.csv
funnel-stages -f table --stages Lead,Qualified in.csv
funnel-stages -v --stages Lead,Qualified <in.csv
