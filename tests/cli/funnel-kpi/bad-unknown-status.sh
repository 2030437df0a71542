# A status that is neither won, lost nor open (compared ignoring case:
# "WON", "Open") is bad data (65) naming FILE:LINE and the column; --won
# adds a label ("Signed" then means won: won 2, open 1).
printf '%s\n' id,status,created_at,close_date a,WON,2025-01-01,2025-01-11 \
	b,Signed,2025-01-01,2025-01-21 c,Open,2025-01-02, >s.csv
funnel-kpi s.csv
echo "exit $?"
funnel-kpi --won Signed s.csv | cut -d, -f1-5
