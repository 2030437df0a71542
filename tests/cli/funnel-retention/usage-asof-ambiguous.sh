# --asof 03/04/2024 could be March 4 or April 3: a usage error (64) whose
# message says why and asks for a date like 2024-06-30, and never prints "(null)".
# Was a bug, fixed: the message reads '--asof: "03/04/2024": (null) (give YYYY-MM-DD)'
# (the date parser returns "ambiguous" with no reason, and set_asof prints
# the reason).
# --asof 13/04/2024 is no riddle: 13 is no month, so D/M/Y, 13 April 2024,
# accepted.  April has not ended: months to March.  --counts by hand on
# data/retention/small.csv: Jan {A,B}: Feb {A} 1, Mar 0.  Feb {C}: Mar 0,
# Apr empty.  all: p1 1+0, p2 0.
funnel-retention --asof 03/04/2024 data/retention/small.csv 2>err.txt
echo "exit $?"
grep -c '(null)' err.txt
grep -q 'expected a date such as 2024-06-30, not "03/04/2024" (day and month could be either way round)' err.txt && echo 'says why and asks for a date'
funnel-retention --asof 13/04/2024 --counts data/retention/small.csv
