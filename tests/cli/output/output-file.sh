# -o FILE: the report goes to FILE (replacing an older one), nothing to
# stdout until the script prints the file; no temporary file is left beside
# it. Numbers: hand-computed snapshot-auto funnel.
echo 'old report' >out.csv
funnel-stages -o out.csv --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv >stdout.txt
echo "exit $? stdout bytes $(wc -c <stdout.txt)"
cat out.csv
rm stdout.txt
ls
