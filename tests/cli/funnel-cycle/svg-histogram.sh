# --format svg draws --histogram as bars per group (issue 22), each
# group's of its own largest bucket (360 px), with count and share beside
# them as the table shows them.  Won deals of a: 5, 10 and 40 days; of b:
# 12 and 45.  a: 0-30 two (2/3 = 66.7%, 360 px), 30-60 one (33.3%, 180);
# b: one each (50.0%, 360 and 360); all deals, named by its rows' mark:
# 0-30 three (60.0%, 360), 30-60 two (40.0%, 240).
printf '%s\n' id,rep,created_at,close_date,stage \
	1,a,2024-01-01,2024-01-06,Won 2,a,2024-01-01,2024-01-11,Won \
	3,a,2024-01-01,2024-02-10,Won 4,b,2024-01-01,2024-01-13,Won \
	5,b,2024-01-01,2024-02-15,Won >d.csv
funnel-cycle --histogram 30d --by rep -f svg d.csv >h.svg
echo "exit $?"
xmllint --noout h.svg && echo "well-formed XML"
grep -o 'font-weight="bold">[^<]*' h.svg | sed 's/.*>//'
grep -o 'width="[0-9.]*" height="18"\|<text x="[0-9]*" y="[0-9.]*">[^<]*' h.svg |
	sed 's/<text[^>]*>//'
# The other reports draw none yet: 64.
funnel-cycle -f svg d.csv
echo "exit $?"
