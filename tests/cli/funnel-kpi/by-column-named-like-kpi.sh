# Was a bug, fixed: a --by column whose name is that of a KPI ("open", a column some
# exports have) is written under that name, so the header has "open"
# twice: a history is then ambiguous, and a reader keyed by name (awk on
# the header, json) loses a column. funnel-cycle(1) OUTPUT: "a name that is
# also the name of a result column, such as count, gets by_ before it";
# funnel-kpi does so only for "date" (second run). Expected: by_open.
# The numbers, by hand: x = a, won in 10 days; z = b, open; no amount
# column: avg_won_amount undefined, so velocity too; z's open deal has no
# amount: its pipeline undefined, and so the row of all deals'.
#   x: 1 deal, 0 open, 1 won, win_rate 1/1, conversion 1/1, 10 days,
#      pipeline of no open deal 0.00, weighted 0.00
#   z: 1 deal, 1 open, win_rate 0/0, conversion 0/1 = 0.0000
#   all: 2, 1, 1, 0, 1.0000, 1/2 = 0.5000, 10.00, 10.00
printf '%s\n' id,stage,created_at,close_date,open,date a,Won,2025-01-01,2025-01-11,x,y \
	b,Lead,2025-01-02,,z,y >deals.csv
funnel-kpi --by open deals.csv
funnel-kpi --by date deals.csv | head -n 1
