# Amounts in several currencies are never added up.
# data/kpi/sf-currencies-latin1.csv (CurrencyIsoCode found by its name):
#   EUR won 100,000 and 50,000, lost 80,000, open 40,000 (DACH)
#   USD won 30,000, open 20,000 (NA); JPY won 3,000,000, open 5,000,000
#   (APAC); GBP open without an amount (UK: no currency of an amount)
# 1) one row asked: refused (65) naming the currencies of the amounts
# 2) --by CurrencyIsoCode: a row per currency, with its own amounts:
#    EUR pipeline 40,000, win rate 2/3, weighted 40,000 x 2/3 = 26666.67,
#    avg won 75,000; JPY 5,000,000 / 5,000,000 / 3,000,000; USD 20,000 /
#    20,000 / 30,000; GBP no amount; the row of all deals keeps its counts
#    (9 deals, 4 open, 4 won, 1 lost) and has no amounts, with a warning
# 3) --by Region__c: each region holds one currency: the same rows
# 4) --currency names another column: here every Name is a "currency"
# 5) one currency only: the figures as without a currency column
f=data/kpi/sf-currencies-latin1.csv
cols=1,2,3,4,5,6,11,12,13
funnel-kpi --encoding latin1 $f
echo "exit $?"
funnel-kpi --encoding latin1 --by CurrencyIsoCode $f | cut -d, -f$cols
funnel-kpi --encoding latin1 --by Region__c $f | cut -d, -f$cols
echo "exit $?"
funnel-kpi --encoding latin1 --currency Name $f
echo "exit $?"
iconv -f latin1 -t utf-8 $f | grep -e Id -e EUR >eur.csv
funnel-kpi --currency CurrencyIsoCode eur.csv | cut -d, -f1-5,10-12
