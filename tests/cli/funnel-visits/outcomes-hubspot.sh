# A HubSpot meeting export: Associated Deal, Associated Company, Activity
# date, Activity assigned to, Meeting outcome, found by name.  Its
# outcomes are no commitments: unmapped, "Completed" is an error (65)
# naming the file, line, column and label.
cat >meetings.csv <<'CSV'
Record ID,Associated Deal,Associated Company,Activity date,Activity assigned to,Meeting outcome
1,Deal A,Acme,2024-05-02 10:00,Ann,Completed
2,Deal A,Acme,2024-05-09 15:30,Ann,No show
3,,Beta,2024-05-10 09:00,Ann,Scheduled
4,Deal B,Beta,2024-05-15 11:00,Ben,completed
5,Deal B,Beta,2024-05-15 16:00,Ben,成交
CSV
funnel-visits meetings.csv
echo "exit $?"
# Mapped: Completed (any case) = continuation, No show = no-sale,
# Scheduled = unrecorded.  Period 05-02 .. 05-15: 14 days, 2 weeks.
# Ann: 3 visits, 1 deal (Deal A, 2 visits), customers Acme Beta 2,
#   visits_per_deal 2/1 = 2.00; continuation 1 no-sale 1 unrecorded 1;
#   advance_rate 0/2 = 0.0000; no objective and no next step columns:
#   both rates undefined (blank); 3/2 = 1.50 a week.
# Ben: 2 visits of Deal B to Beta: 2/1 = 2.00; continuation 1, order 1
#   (成交); advance_rate 1/2 = 0.5000; 2/2 = 1.00 a week.
m='Completed=continuation,No show=no-sale,Scheduled=unrecorded'
funnel-visits --outcome-map "$m" meetings.csv
# The same map as a file (a header, a comment, a quoted label); the
# file's first entry for a label wins over the vocabulary: here
# "成交" means advance, so Ben has order 0, advance 1: rate still 1/2.
cat >map.csv <<'CSV'
label,outcome
# HubSpot's meeting outcomes
Completed,continuation
"No show",no-sale
Scheduled,unrecorded
成交,advance
CSV
funnel-visits --outcome-map map.csv meetings.csv
# A map to a word that is no outcome: a usage error at its line.
printf 'label,outcome\nCompleted,done\n' >bad-map.csv
funnel-visits --outcome-map bad-map.csv meetings.csv
echo "exit $?"
funnel-visits --outcome-map 'Completed' meetings.csv
echo "exit $?"
