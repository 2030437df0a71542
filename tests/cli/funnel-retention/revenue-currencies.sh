# Revenue of several currencies is never added up.
# data/retention/sf-won-currencies.csv: won Salesforce opportunities
# (AccountId, Amount, CurrencyIsoCode found by its name, CloseDate as a
# date exported with 00:00:00), revenue per account and month:
#   EUR A1 Jan 1000 Feb 500 Mar 1000; A2 Jan 2000 Mar 2000;
#       A3 Feb 400 Mar 600
#   USD B1 Jan 3000 Feb 3000; B2 Feb 1500 Mar 750
#   JPY C1 Jan 100000 Feb 200000;  GBP D1 Mar 800
# 1) one matrix asked: refused (65), naming the currencies and the column
# 2) --by CurrencyIsoCode: a matrix per currency.  EUR Jan cohort (A1 A2)
#    base 3000: p1 500/3000 = 0.1667, p2 3000/3000 = 1; Feb cohort (A3)
#    base 400: p1 600/400 = 1.5; all p1 (500+600)/(3000+400) = 0.3235.
#    USD Jan (B1) p1 1, p2 0; Feb (B2) p1 750/1500 = 0.5; all p1
#    (3000+750)/4500 = 0.8333.  JPY p1 200000/100000 = 2, p2 0.  (The
#    cohort cells checked with sqlite3 as well.)
# 3) --crr with --amount --by CurrencyIsoCode: nrr and grr per currency.
#    EUR Feb: S = A1 A2, base 3000, net A1 500 = 0.1667, gross min(500,
#    1000) + min(0, 2000) = 0.1667; Mar: S = A1 A3, base 900, net 1000 +
#    600 = 1.7778, gross 500 + 400 = 1.  USD Mar: S = B1 B2, base 4500,
#    net 750 = 0.1667, gross 0 + 750 = 0.1667.  JPY Mar: 0 of 200000.
# 4) --crr with --amount and no --by: refused like 1)
f=data/retention/sf-won-currencies.csv
funnel-retention --time CloseDate --revenue --amount Amount $f
echo "exit $?"
funnel-retention --time CloseDate --revenue --amount Amount --by CurrencyIsoCode $f
funnel-retention --time CloseDate --crr --amount Amount --by CurrencyIsoCode $f |
	cut -d, -f1-3,10-11
funnel-retention --time CloseDate --crr --amount Amount $f
echo "exit $?"
