# -o FILE writes the result atomically; a run that fails (here a deal
# closed before it was created) leaves an existing FILE as it was. The won
# cycles of data/cycle/g3.csv are 9, 19, 32, 34: mean 23.5, sd 11.73, type 7
# p25 16.5, median 25.5, p75 32.5, p90 33.4.
funnel-cycle -o out.csv data/cycle/g3.csv && cat out.csv
printf '%s\n' id,created_at,close_date,stage a,2024-01-05,2024-01-04,Won >bad.csv
funnel-cycle -o out.csv bad.csv; echo "exit $?"
cat out.csv
ls
