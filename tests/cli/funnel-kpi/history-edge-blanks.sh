# A group whose name starts or ends with a blank (" North", "South ") is
# written quoted in CSV, so that reading it back keeps the blank: the
# history's rows still match the group and the trend shows the previous
# night's value (the deals line of each group shows it). Before, " North" was written bare, read back as "North"
# (readers trim blanks around unquoted fields) and the previous column of
# " North" was empty. Hand-made: one won deal of 100 in " North", one lost
# deal in "North", one open deal of 100 in "South ". Night two adds nothing,
# so every previous value equals today's and every trend is →.
printf '%s\n' 'deal_id,region,deal_stage,deal_status,created_at,close_date,amount' \
	'D1," North",Proposal,won,2025-01-06,2025-02-05,100' \
	'D2,North,Proposal,lost,2025-01-06,2025-02-05,100' \
	'D3,"South ",Proposal,,2025-01-06,,100' >d.csv
funnel-kpi --by region --asof 2025-03-01 --append h.csv d.csv
cat h.csv
funnel-kpi -f table --by region --asof 2025-03-02 --append h.csv d.csv | grep deals
