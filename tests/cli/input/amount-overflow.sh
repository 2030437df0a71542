# Amounts up to the largest double are amounts; a sum beyond it is an
# overflow, a data error (65) naming the column, never an empty cell beside
# numbers computed from the same amounts. M is 1.7976931348623157e308,
# written out in full (309 digits, python3 '%.0f' % sys.float_info.max);
# B is 1e308 written out, and B + B is beyond M.
# 1) funnel-kpi, one open deal of M: pipeline_value is M, to 2 decimals.
# 2) funnel-kpi, two open deals of B: pipeline_value (and the weighted
#    pipeline) overflow; so do the won amounts of two won deals.
# 3) funnel-cycle --summary --amount: the won amounts behind
#    avg_won_amount overflow.
# 4) funnel-retention --revenue --amount and --crr --amount: one
#    customer's two orders of a month add up to 2e308 (revenue of the
#    cohort, and the nrr base).
M=179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368
B=1$(printf '%0308d' 0)
printf 'id,status,amount\n1,open,%s\n2,won,\n' "$M" | funnel-kpi --asof 2025-01-01 >max.csv
echo "exit $?"
cut -d, -f10 max.csv
printf 'id,status,price\n1,open,%s\n2,open,%s\n3,won,\n' "$B" "$B" | funnel-kpi --asof 2025-01-01 -a price
echo "exit $?"
printf 'id,status,amount\n1,won,%s\n2,won,%s\n3,open,\n' "$B" "$B" | funnel-kpi --asof 2025-01-01
echo "exit $?"
printf 'id,stage,created_at,close_date,value\n1,Won,2025-01-01,2025-01-05,%s\n2,Won,2025-01-01,2025-01-09,%s\n' "$B" "$B" |
	funnel-cycle --summary --amount value
echo "exit $?"
printf 'customer_id,order_date,revenue\nA,2024-01-05,%s\nA,2024-01-06,%s\nA,2024-02-01,1\n' "$B" "$B" >orders.csv
funnel-retention --revenue --amount revenue --asof 2024-03-01 orders.csv
echo "exit $?"
funnel-retention --crr --amount revenue --asof 2024-03-01 orders.csv
echo "exit $?"
# 5) funnel-segment: customers A and B of B each, C of 5: each customer's
#    value is a double, but A + B is not; the matrix summary (value of
#    the key cell, and the shares) and ABC (the total its shares are
#    of) fail with the same message rather than blank cells with 0, or
#    "the total is -nan".
printf 'customer_id,order_date,amount\nA,2024-01-05,%s\nB,2024-01-05,%s\nC,2024-01-06,5\n' "$B" "$B" >two.csv
funnel-segment --report summary two.csv 2>err.txt
echo "exit $?"
grep -v warning err.txt
funnel-segment --method abc two.csv
echo "exit $?"
funnel-segment --method abc --report summary two.csv
echo "exit $?"
