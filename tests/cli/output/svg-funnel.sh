# --format svg draws funnel-stages' funnel (issue 22), with the numbers
# the table shows.  Four deals reach Lead; three Qualified (3/4 = 75.0%);
# one Won (1/3 = 33.3%, the lowest step: with --min-count 1 the
# bottleneck, vermillion #D55E00, and said in words).  The largest bar is 360 px: Qualified's is
# 360 * 3 / 4 = 270 wide, centred (360 - 270) / 2 = 45 px in; Won's
# 360 / 4 = 90, 135 px in.
printf 'id,stage\n1,Lead\n2,Qualified\n3,Qualified\n4,Won\n' >d.csv
funnel-stages --stages Lead,Qualified,Won --min-count 1 -f svg d.csv >f.svg
echo "exit $?"
xmllint --noout f.svg && echo "well-formed XML"
grep -c 'href\|<image\|<script' f.svg
cat f.svg
# With --by, a funnel per group under its name (rep a: deals 1 and 2; b:
# 3 and 4), each of its own largest: a's Qualified 360 / 2 = 180 wide,
# its Won 0 (a bar of 0: none reached it, which is a number), b's
# Qualified and Won 2/2 = 360, 1/2 = 180.
printf 'id,stage,rep\n1,Lead,a\n2,Qualified,a\n3,Qualified,b\n4,Won,b\n' >g.csv
funnel-stages --stages Lead,Qualified,Won --by rep -f svg g.csv >g.svg
xmllint --noout g.svg && echo "well-formed XML"
grep -o '<text[^>]*font-weight="bold">[^<]*' g.svg | sed 's/.*>//'
grep -o 'width="[0-9.]*" height="18"' g.svg
# A report without a chart: 64 once it is made, and no file written.
printf 'id,created_at,close_date,stage\n1,2024-01-01,2024-01-31,Won\n' >c.csv
funnel-cycle -f svg -o c.svg c.csv
echo "exit $?"
ls c.svg 2>/dev/null || echo "no c.svg"
# U+FFFE and U+FFFF are UTF-8 but not XML characters: a group named with
# one is written with U+FFFD, and the file stays well-formed.
printf 'id,grp,stage\n1,c\357\277\276d,Won\n2,e,Lead\n' >nonchar.csv
funnel-stages -f svg -S Lead,Won -b grp nonchar.csv >n.svg
echo "exit $?"
xmllint --noout n.svg && echo "well-formed XML"
grep -c 'c�d' n.svg
