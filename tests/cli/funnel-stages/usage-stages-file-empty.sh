# A stages file with only comments and blank lines lists no stages: 64.
printf '%s\n' '# nothing yet' '' >empty.txt
funnel-stages --stages-file empty.txt <data/stages/snapshot.csv
