# A HubSpot deals export as the history: its "Date entered" columns, a
# timestamp each (the day as written counts).  The won stage named in
# --stages brings its own column's date.
cat >deals.csv <<'CSV'
Record ID,Deal Stage,"Date entered ""Qualify (Sales Pipeline)""","Date entered ""Propose (Sales Pipeline)""","Date entered ""Closed won (Sales Pipeline)"""
D1,Propose,2024-03-01 09:00,2024-03-06 10:00,
D2,Closed won,2024-02-20 08:00,,2024-03-08 12:00
D3,Qualify,2024-03-09 08:00,,
CSV
printf 'deal,customer,date,rep,outcome\nD1,C1,2024-03-04,a,advance\nD2,C2,2024-03-05,a,order\nD3,C3,2024-03-05,b,advance\nD9,C9,2024-03-05,b,no-sale\n' >visits.csv
# D1 03-04: at Qualify (03-01), Propose 03-06 (2 days): converted.
# D2 03-05: at Qualify (02-20), Closed won 03-08 (3 days): converted.
# D3 03-05: no stage before it (Qualify 03-09): Qualify itself, 4 days
#   on, is further: converted.
# D9: not in the history: not matched.
# order 1/1; advance 2/2; no-sale 0 matched: blank rate.
funnel-visits --report conversion --history deals.csv \
	-S 'Qualify,Propose,Closed won' --within 7d visits.csv
# --within 3d: D3's Qualify is 4 days on: advance 1 of 2.
funnel-visits --report conversion --history deals.csv \
	-S 'Qualify,Propose,Closed won' --within 3d visits.csv
