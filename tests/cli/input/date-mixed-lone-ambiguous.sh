# A lone 01/10/2025 among ISO dates (a row typed in by hand into an export)
# cannot be read: it is 1 October or January 10, and no other A/B/YYYY date
# of the column decides the order.  It is refused naming its line (5), the
# column, and a date of the other form with its line (2): the column mixes
# formats, which is what is wrong; not "every date is ambiguous".  With the
# order given it is read (M/D: January 10): Qualified reached by X and Y,
# 2 of 3; days from Lead: X 2, Y 6, median and mean 4.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,2025-01-03' 'X,Qualified,2025-01-05' \
	'Y,Lead,2025-01-04' 'Y,Qualified,01/10/2025' 'Z,Lead,2025-02-01' >deals.csv
funnel-stages --stages Lead,Qualified,Won deals.csv
echo "exit $?"
funnel-stages --stages Lead,Qualified,Won --date-format mdy deals.csv | cut -d, -f1-3,7-8
