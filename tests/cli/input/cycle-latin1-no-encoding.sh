# A Latin-1 stage label "Gagn\351" (French "won") without --encoding in
# funnel-cycle: the stage column is used, so 65 with the byte escaped and
# a hint; with --encoding LATIN1 and --won Gagné: 10 days.
printf 'id,created_at,close_date,stage\na,2024-01-01,2024-01-11,Gagn\351\n' >l1.csv
funnel-cycle l1.csv
echo "exit $?"
funnel-cycle --encoding LATIN1 --won Gagné l1.csv
