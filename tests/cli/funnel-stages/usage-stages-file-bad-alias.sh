# A stages file alias onto a stage the file does not list: 64.
printf '%s\n' Lead Qualified 'Demo=Pitch' >bad.txt
funnel-stages --stages-file bad.txt <data/stages/snapshot.csv
