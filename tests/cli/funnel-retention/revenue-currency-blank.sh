# An amount whose currency cell is empty is of a currency of its own,
# "(blank)", as in funnel-kpi: with EUR amounts, refused (65).  Under
# --by CurrencyIsoCode the blank group has its own matrix: B's 100 in
# January and, in February, a row without an amount (whose EUR does not
# count), p1 0 / 100 = 0; EUR: A's 50 / 100 = 0.5 (2024-02-29 ends
# February).
printf '%s\n' AccountId,CloseDate,Amount,CurrencyIsoCode A,2024-01-10,100,EUR \
	A,2024-02-29,50,EUR B,2024-01-11,100, B,2024-02-11,,EUR >o.csv
funnel-retention --time CloseDate --revenue --amount Amount o.csv
echo "exit $?"
funnel-retention --time CloseDate --revenue --amount Amount --by CurrencyIsoCode o.csv
