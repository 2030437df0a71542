# Rows of one key across files are one deal, but not two rows in one file,
# nor two files that disagree on a value (refused at the later row, naming
# the earlier), nor a joined deal that is wrong as a whole (named at the
# cell's own file and line).  With --rejects, a rejected joined deal's rows
# all go to the rejects file, each after its file's header.
cat >leads.csv <<'CSV'
mql_id,first_contact_date
L1,2024-01-01
L2,2024-01-03
L3,2024-01-20
CSV
printf 'mql_id,won_date,status,first_contact_date\nL1,2024-01-15,won,2024-01-02\n' >disagree.csv
printf 'mql_id,won_date,status\nL2,2024-01-13,lost\nL2,2024-01-14,lost\n' >twice.csv
printf 'mql_id,won_date,status\nL3,2024-01-13,won\n' >before.csv
printf 'mql_id,won_date,status\nL9,2024-01-13,won\n' >no-lead.csv
printf 'mql_id,won_date,status,first_contact_date\nL1,2024-01-15,Won,2024-01-01\n' >agree.csv
for f in disagree twice before no-lead; do
	funnel-cycle --key mql_id --created first_contact_date --closed won_date leads.csv $f.csv
	echo "exit $?"
done
# The same value written alike but for case, or as a date and a midnight
# timestamp, is no disagreement: L1 won in 14 days.
funnel-cycle --key mql_id --created first_contact_date --closed won_date -f csv leads.csv agree.csv
echo "exit $?"
# Skipped: L1's second row (L1 stays, open), L2's second row (L2 lost in
# 10 days, not counted as won), L3 as a whole (both its rows rejected).
funnel-cycle --key mql_id --created first_contact_date --closed won_date --summary \
	--rejects rejects.csv leads.csv disagree.csv twice.csv before.csv
echo "exit $?"
cat rejects.csv
