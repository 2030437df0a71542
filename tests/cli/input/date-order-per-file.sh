# Files from two locales in one run: a.csv written in the UK (13/01/2024 is
# D/M), b.csv in the US (01/13/2024 is M/D).  By default the order learnt in
# a.csv holds for the column in b.csv too, where 01/13/2024 is refused (65).
# With --date-order per-file each file learns its own, the ambiguous rows of
# b.csv waiting for its line 3 (--verbose names the deciding value of each).
# Hand count: X Lead 13 Jan, Lost 2 Mar (02/03 D/M): lost at Lead; Y Lead
# 2 Jan (01/02 M/D), Qualified 13 Jan, Lost 3 Feb (02/03 M/D): lost at
# Qualified, 11 days after its Lead.  Lead 2, Qualified 1 of 2, Won 0.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,13/01/2024' 'X,Lost,02/03/2024' >a.csv
printf '%s\n' 'deal_id,stage,entered_at' 'Y,Lead,01/02/2024' 'Y,Qualified,01/13/2024' \
	'Y,Lost,02/03/2024' >b.csv
funnel-stages --stages Lead,Qualified,Won a.csv b.csv
echo "exit $?"
funnel-stages -v --date-order per-file --stages Lead,Qualified,Won a.csv b.csv 2>&1 >out.csv |
	grep 'dates are'
cut -d, -f1-3,7-8 out.csv
funnel-stages --date-order per-day a.csv
echo "exit $?"
