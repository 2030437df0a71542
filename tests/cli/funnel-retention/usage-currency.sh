# --currency is about amounts that are added up: without --revenue (or
# --crr with --amount) it would change nothing, 64; a --currency column
# that is not in the file is 64 too, naming the headers found.
f=data/retention/sf-won-currencies.csv
funnel-retention --time CloseDate --currency CurrencyIsoCode $f
echo "exit $?"
funnel-retention --time CloseDate --crr --currency CurrencyIsoCode $f
echo "exit $?"
funnel-retention --time CloseDate --revenue --amount Amount --currency Devise $f
echo "exit $?"
