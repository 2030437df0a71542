# Row order never matters: OpportunityHistory with its data rows shuffled
# (sort -R with a fixed random source) gives byte-identical output to the
# file as exported (whose numbers salesforce-history checks by sqlite3).
head -c 65536 /dev/zero | tr '\0' 'x' >seed
{ head -n 1; sort -R --random-source=seed; } <data/salesforce/OpportunityHistory.csv >shuffled.csv
cmp -s shuffled.csv data/salesforce/OpportunityHistory.csv || echo 'rows: shuffled'
funnel-stages --stages-file examples/salesforce-stages.txt data/salesforce/OpportunityHistory.csv >a.csv
funnel-stages --stages-file examples/salesforce-stages.txt shuffled.csv >b.csv
cmp a.csv b.csv && echo 'output: identical'
