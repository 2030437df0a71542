# Bad visits are data errors (65) at their file, line and column.
# A visit id twice with --visit: both lines named.
printf 'visit_id,customer_id,visit_date,rep\nV1,C1,2024-01-02,a\nV2,C1,2024-01-03,a\nV1,C2,2024-01-04,b\n' >dup.csv
funnel-visits --visit visit_id dup.csv
echo "exit $?"
# The same file given twice repeats every id: said so, rather than
# naming the line as its own first.
printf 'visit_id,customer_id,visit_date,rep\nV9,C1,2024-01-02,a\n' >v2.csv
funnel-visits --visit visit_id v2.csv v2.csv
echo "exit $?"
# Without --visit the ids are not read: three visits.
funnel-visits dup.csv | cut -d, -f1,2
# An outcome that is neither a word nor mapped.
printf 'customer_id,visit_date,rep,outcome\nC1,2024-01-02,a,advance\nC1,2024-01-03,a,maybe\n' >label.csv
funnel-visits label.csv
echo "exit $?"
# --skip-bad: that row skipped and counted, the rest reported.
funnel-visits --skip-bad label.csv
echo "exit $?"
# A blank date.
printf 'customer_id,visit_date,rep\nC1,,a\n' >nodate.csv
funnel-visits nodate.csv
echo "exit $?"
# A deal twice in the deals file.
printf 'deal_id,status\nD1,Open\nD1,Won\n' >deals.csv
printf 'deal_id,visit_date\nD1,2024-01-02\n' >v.csv
funnel-visits --report stale --deals-file deals.csv --stale 7d v.csv
echo "exit $?"
# A status that is neither won, lost nor open.
printf 'deal_id,status\nD1,Maybe\n' >status.csv
funnel-visits --report stale --deals-file status.csv --stale 7d v.csv
echo "exit $?"
# A deals file that cannot be opened.
funnel-visits --report stale --deals-file missing.csv --stale 7d v.csv
echo "exit $?"
