# -f table of crr-gap.sh's --crr result: counts and rates right-aligned,
# rates as percentages, no blocks (those are for the cohort triangle), and
# the 0/0 rates shown as "–", as every undefined value in a table.
# Widths by hand: period 7, start 5, new 3, end 3, retained 8, crr 4
# ("0.0%"), retention 9, churn 6 ("100.0%").
printf '%s\n' 'customer_id,order_date' 'A,2024-01-10' 'A,2024-04-30' | funnel-retention --crr -f table
