# A header naming close_date twice (columns 3 and 5). Named by --closed:
# ambiguous, a usage error asking for a column number (64). By number 5:
# 2024-01-01..01-31 = 30 days. Not given: the default name is taken at its
# first column, 3: 2024-01-01..01-11 = 10 days.
printf '%s\n' id,created_at,close_date,stage,close_date a,2024-01-01,2024-01-11,Won,2024-01-31 >deals.csv
funnel-cycle --closed close_date deals.csv
echo "exit $?"
funnel-cycle --closed 5 deals.csv
funnel-cycle deals.csv
