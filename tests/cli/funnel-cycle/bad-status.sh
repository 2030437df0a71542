# A status that is neither won, lost nor open is bad data (65); --won adds a
# label ("Signed" then means won: 2024-01-01 to 2024-01-31, 30 days).
printf '%s\n' id,status,created_at,close_date a,Signed,2024-01-01,2024-01-31 >s.csv
funnel-cycle s.csv; echo "exit $?"
funnel-cycle --won Signed s.csv
# The message lists the words of each outcome, the labels added first.
funnel-cycle --won Booked --lost Dropped s.csv; echo "exit $?"
