# What cannot be computed is undefined (empty in csv, null in json), never
# 0 or NaN:
#   1) only open deals: win_rate 0/0 undefined; conversion 0/2 = 0.0000;
#      no won cycle: mean, median undefined; pipeline 100 + 200 = 300.00;
#      the win-rate fallback has no win rate: weighted_pipeline undefined,
#      and a warning says so (counted here, not pinned: see the report of
#      this case's author on its wording); avg_won_amount and
#      sales_velocity undefined. date: the latest created date, 2025-01-02.
#   2) a won deal without an amount among amounts: avg_won_amount is the
#      mean over the won deals that have one, 800.00 (not 800 / 2);
#      conversion 2/3 = 0.6667; cycles 10 and 20: mean, median 15.00;
#      velocity 1 open x 800 x win rate 2/2 / 15 days = 53.33.
printf '%s\n' 'id,stage,created_at,close_date,amount' \
	'a,Lead,2025-01-01,,100' 'b,Proposal,2025-01-02,,200' |
	funnel-kpi -f json 2>err.txt
grep -c 'weighted_pipeline is undefined' err.txt
printf '%s\n' 'id,stage,created_at,close_date,amount' \
	'a,Won,2025-01-01,2025-01-11,800' 'b,Won,2025-01-01,2025-01-21,' \
	'c,Lead,2025-01-02,,50' | funnel-kpi | cut -d, -f1-9,12-
