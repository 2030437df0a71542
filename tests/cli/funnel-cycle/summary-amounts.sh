# Amounts: blank is missing, not zero -- a won deal without an amount is
# left out of the average (and a warning says so); an amount in another
# currency than the column's first is bad data (65), never summed. Won:
# a 1000 after 10 days, b no amount after 20; c lost, d open: win rate 2/3,
# average 1000, velocity 1 * 1000 * (2/3) / 15 = 44.44.
printf '%s\n' id,created_at,close_date,stage,amount a,2024-01-01,2024-01-11,Won,1000 \
	b,2024-01-01,2024-01-21,Won, c,2024-01-01,2024-01-02,Lost,50 d,2024-01-01,,Open, |
	funnel-cycle --summary --amount amount
printf '%s\n' id,created_at,close_date,stage,amount 'a,2024-01-01,2024-01-11,Won,$1000' \
	'b,2024-01-01,2024-01-21,Won,€900' | funnel-cycle --summary --amount amount
echo "exit $?"
