# A won amount whose currency cell is empty is of a currency of its own,
# "(blank)", as in funnel-kpi: beside a won EUR amount, refused (65).
# Only won amounts are added up: an open or lost deal's amount in USD
# does not count, and the average is (1000 + 3000) / 2 = 2000 after 10
# and 30 days (mean 20), velocity 1 open x 2000 x 2/3 / 20 = 66.67.
printf '%s\n' id,created_at,close_date,stage,amount,currency \
	a,2024-01-01,2024-01-11,Won,1000,EUR b,2024-01-01,2024-01-31,Won,3000, >o.csv
funnel-cycle --summary --amount amount o.csv
echo "exit $?"
printf '%s\n' id,created_at,close_date,stage,amount,currency \
	a,2024-01-01,2024-01-11,Won,1000,EUR b,2024-01-01,2024-01-31,Won,3000,EUR \
	c,2024-01-01,2024-01-05,Lost,700,USD d,2024-01-01,,Open,900,USD |
	funnel-cycle --summary --amount amount
