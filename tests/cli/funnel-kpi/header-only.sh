# A header and no records: no date to name the row by (64) unless --asof
# gives one. With it: 0 deals of every outcome; win_rate (0/0), conversion
# (0/0), the cycles and avg_won_amount undefined; the pipeline of no open
# deal is 0.00, and so is its weighted value; sales_velocity, 0 open deals
# times an undefined average, undefined. With --by, no group: only the
# row of all deals.
h='opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value'
printf '%s\n' "$h" | funnel-kpi
echo "exit $?"
printf '%s\n' "$h" | funnel-kpi --asof 2025-03-01
printf '%s\n' "$h" | funnel-kpi --asof 2025-03-01 --by sales_agent
