# A stage of the history outside --stages (here a typo in -S) warns, as
# funnel-stages does, and --strict fails (65): its rows count as no stage.
# d1 entered Prospecting 01-01 and Qualification 01-05; the visit of 01-03
# is at Prospecting, and Qualification (01-05, 2 days later, within 7d)
# converts it: 1 of 1 when -S is right, 0 of 1 with the typo.
printf 'deal_id,stage,entered_at\nd1,Prospecting,2024-01-01\nd1,Qualification,2024-01-05\n' >h.csv
printf 'visit_date,deal_id,customer_id,rep,outcome\n2024-01-03,d1,c1,r1,advance\n' >v.csv
funnel-visits --report conversion --history h.csv -S Prospecting,Qualification --within 7d v.csv
funnel-visits --report conversion --history h.csv -S Prospecting,Qualifcation --within 7d v.csv
echo "exit $?"
funnel-visits --strict --report conversion --history h.csv -S Prospecting,Qualifcation --within 7d v.csv
echo "exit $?"
