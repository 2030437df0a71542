# --summary never adds up won amounts of several currencies.
# data/kpi/sf-currencies-latin1.csv (CurrencyIsoCode found by its name;
# CloseDate a date, so cycles are whole days): won EUR 100,000 after 51
# days (2024-01-10 to 03-01) and 50,000 after 63 (01-12 to 03-15), lost
# EUR, open EUR; won USD 30,000 after 16 (01-16 to 02-01), open USD; won
# JPY 3,000,000 after 34 (02-25 to 03-30), open JPY; open GBP without an
# amount (no won amount: no currency that counts).
# 1) one row asked: refused (65), naming the won amounts' currencies
# 2) --by CurrencyIsoCode: EUR win rate 2/3, mean (51+63)/2 = 57, avg
#    75,000, velocity 1 x 75,000 x 2/3 / 57 = 877.19; JPY 34 days,
#    3,000,000, 1 x 3,000,000 / 34 = 88235.29; USD 16 days, 30,000,
#    30,000 / 16 = 1875; GBP no won deal.  The row of all deals keeps 9
#    deals, 4 open, 4 won, 1 lost, win rate 0.8, mean 164/4 = 41 and has
#    no amounts, with a warning
# 3) --by Region__c: each region holds one currency, the same figures
# 4) one currency (the EUR rows): as without the currency column
f=data/kpi/sf-currencies-latin1.csv
funnel-cycle --encoding latin1 --summary --amount Amount $f
echo "exit $?"
funnel-cycle --encoding latin1 --summary --amount Amount --by CurrencyIsoCode $f
funnel-cycle --encoding latin1 --summary --amount Amount --by Region__c $f
iconv -f latin1 -t utf-8 $f | grep -e Id -e EUR >eur.csv
cut -d, -f1-4,6-8 eur.csv >bare.csv
funnel-cycle --summary --amount Amount --currency CurrencyIsoCode eur.csv >with.csv
funnel-cycle --summary --amount Amount bare.csv | tee without.csv
cmp with.csv without.csv && echo same
