# --format svg draws reps as bars of advance_rate of 100% (360 px), with
# advance_rate and visits beside them as the table shows them.
#   Bob: order, continuation, continuation: 1/3 = 33.3%, 360 / 3 = 120 px;
#   张伟: advance, 无进展 (no-sale): 1/2 = 50.0%, 180 px;
#   李娜: 晋级 (advance): 1/1 = 100.0%, 360 px;
#   Ann O'Neil <x>: no outcome recorded: no bar, a dash (never 0); her
#   name escaped as XML (&lt;x&gt;).
printf '%s\n' 'date,rep,deal,customer,outcome' \
	'2024-01-10,张伟,d1,c1,advance' '2024-01-11,张伟,d2,c2,无进展' \
	'2024-01-11,李娜,d3,c3,晋级' "2024-01-12,Ann O'Neil <x>,d4,c4," \
	'2024-01-12,Bob,d5,c5,order' '2024-01-12,Bob,d5,c5,continuation' \
	'2024-01-13,Bob,d6,c5,continuation' >v.csv
funnel-visits -f svg v.csv >r.svg
echo "exit $?"
xmllint --noout r.svg && echo "well-formed XML"
cat r.svg
# The other reports draw none yet: 64.
printf 'deal,status\nd1,Open\n' >deals.csv
funnel-visits --report stale --stale 7d --deals-file deals.csv -f svg v.csv
echo "exit $?"
