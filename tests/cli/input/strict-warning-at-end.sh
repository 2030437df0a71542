# A warning about the whole run (here: one order after --asof left out)
# has no line to stop at: with --strict it is printed, then the run fails
# with 65 and writes no result.
printf 'customer_id,order_date\nA,2024-01-05\nA,2024-02-05\nB,2024-01-09\nB,2024-04-01\n' >o.csv
funnel-retention --strict --asof 2024-03-31 o.csv
