# Impossible dates are errors, never moved to a valid day (funnel-input(7)):
# month 13, and 29 February of 2023 (no leap year): 65 each, naming line
# and column.
printf '%s\n' customer_id,order_date A,2025-01-05 B,2025-13-01 | funnel-retention
echo "exit $?"
printf '%s\n' customer_id,order_date A,2023-02-28 B,2023-02-29 | funnel-retention
echo "exit $?"
