# --currency is the currency of --summary's amounts: without --amount, or
# with another result, it would change nothing (64); a --currency column
# that is not in the file is 64, naming the headers found.
f=data/kpi/sf-currencies-latin1.csv
funnel-cycle --encoding latin1 --summary --currency CurrencyIsoCode $f
echo "exit $?"
funnel-cycle --encoding latin1 --currency CurrencyIsoCode $f
echo "exit $?"
funnel-cycle --encoding latin1 --summary --amount Amount --currency Devise $f
echo "exit $?"
