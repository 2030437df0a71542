# A file of one currency is computed as without the currency column: the
# EUR rows of data/retention/sf-won-currencies.csv give the same bytes
# with and without CurrencyIsoCode (and with --currency naming it), and
# the EUR figures of revenue-currencies: Jan cohort p1 500/3000 = 0.1667,
# p2 3000/3000 = 1; Feb cohort p1 600/400 = 1.5; all p1 1100/3400 = 0.3235.
f=data/retention/sf-won-currencies.csv
grep -e AccountId -e EUR $f >eur.csv
cut -d, -f1-5,7 eur.csv >bare.csv
funnel-retention --time CloseDate --revenue --amount Amount eur.csv >with.csv
funnel-retention --time CloseDate --revenue --amount Amount --currency CurrencyIsoCode eur.csv >named.csv
funnel-retention --time CloseDate --revenue --amount Amount bare.csv | tee without.csv
cmp with.csv without.csv && cmp named.csv without.csv && echo same
