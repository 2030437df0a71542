# Amounts of several currencies are never added up (the shared currency
# rule): a forecast row over USD and EUR is refused (65), naming them and
# the column; --by the currency column gives a row each:
#   EUR: b 2000 * 0.5 = 1000; USD: a 1000 * 0.5 + c 400 * 0.1 = 540.
# forecast-deals adds nothing up: each deal has its own amount.
printf '%s\n' id,stage,Amount,CurrencyIsoCode a,Demo,1000,USD b,Demo,2000,EUR \
	c,Lead,400,USD >d.csv
p=Demo=50%,Lead=10%
funnel-score --forecast --stage-prob $p d.csv
echo "exit $?"
funnel-score --forecast --stage-prob $p -b CurrencyIsoCode d.csv
funnel-score --report forecast-deals --stage-prob $p d.csv
# --currency names the column; one currency is no mix.
printf '%s\n' id,stage,amount,cur a,Demo,1000,USD c,Lead,400,USD >one.csv
funnel-score --forecast --stage-prob $p --currency cur one.csv
