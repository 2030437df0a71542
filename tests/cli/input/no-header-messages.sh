# Without a header a column is named by its number in messages, and the
# first line is a record like any other: its bad date is line 1's.
printf 'A\t2024-01-05\nB\t2024-02-30\n' >a.txt
printf '1\t2024-13-01\n' >b.txt
funnel-retention --no-header --key 1 --time 2 a.txt
echo "exit $?"
funnel-retention --no-header --key 1 --time 2 b.txt
