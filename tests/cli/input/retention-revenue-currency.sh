# funnel-retention --revenue --amount: "2500 USD" and "USD 1250" are the
# same currency, code after or before with a blank: p1 = 1250 / 2500 =
# 0.5000 (2024-02-29 ends February). A "€5" later in the column differs
# from the first currency, USD: 65, never summed silently.
printf '%s\n' customer_id,order_date,amount 'A,2024-01-05,2500 USD' 'A,2024-02-29,USD 1250' >o.csv
funnel-retention --revenue --amount amount o.csv
echo 'B,2024-02-10,€5' >>o.csv
funnel-retention --revenue --amount amount o.csv
echo "exit $?"
