# A customer whose amounts are of two currencies cannot be parted by --by
# (a customer's group is that of its first activity): refused (65) by
# name, with --by on the currency column too.  B's EUR row has no amount:
# a blank amount adds nothing, so its currency does not count.
printf '%s\n' AccountId,CloseDate,Amount,CurrencyIsoCode A,2024-01-10,100,EUR \
	A,2024-02-10,50,USD A,2024-02-20,30,EUR B,2024-01-11,100,USD \
	B,2024-02-29,,EUR >o.csv
funnel-retention --time CloseDate --revenue --amount Amount --by CurrencyIsoCode o.csv
echo "exit $?"
# Without A's USD row: A is EUR alone, p1 30 / 100 = 0.3; B USD alone,
# its February row keeps it active with no revenue, p1 0 / 100 = 0
# (2024-02-29 ends February).
grep -v '^A,2024-02-10' o.csv |
	funnel-retention --time CloseDate --revenue --amount Amount --by CurrencyIsoCode
