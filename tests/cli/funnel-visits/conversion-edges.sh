# Three boundaries of the conversion report, each worked by hand.
#
# 1. A history timestamp counts on its day as written, as a visit's date
#    does: D1 entered Qualify at 2024-01-10T23:30-05:00, which is the 11th
#    in UTC but the 10th as written.  Its visit on the 11th is therefore
#    already at Qualify (entered the day before), and Propose on the 20th
#    is 9 days on: beyond --within 7d, not converted.  Were the UTC day
#    taken, Qualify would be "entered on the visit day" and convert it.
# 2. A given --asof hides what was entered after it: D2's visit on 03-10
#    is followed by Qualify on 03-14, after --asof 03-12: as of then it
#    had not converted.  (The second run, with no --asof, counts it.)
# 3. A HubSpot "Date entered" column of a won stage not in --stages says
#    the deal reached the stage after the last: D3, at Qualify (03-01)
#    when visited on 03-05, entered "Closed won" on 03-08, 3 days on:
#    converted.
cat >history.csv <<'CSV'
deal,stage,entered_at
D1,Prospecting,2024-01-02
D1,Qualify,2024-01-10T23:30:00-05:00
D1,Propose,2024-01-20
D2,Prospecting,2024-03-01
D2,Qualify,2024-03-14
CSV
cat >visits.csv <<'CSV'
deal,customer,date,rep,outcome,case
D1,C1,2024-01-11,a,advance,written day
D2,C2,2024-03-10,a,advance,after asof
CSV
# D1: not converted (case 1); D2: not converted as of 03-12 (case 2).
funnel-visits --report conversion --history history.csv \
	-S Prospecting,Qualify,Propose --within 7d --asof 2024-03-12 \
	--by case visits.csv
# Without --asof, D2's Qualify on 03-14 is 4 days on: converted.
funnel-visits --report conversion --history history.csv \
	-S Prospecting,Qualify,Propose --within 7d --by case visits.csv
cat >hubspot.csv <<'CSV'
Record ID,Deal Stage,"Date entered ""Qualify (Sales Pipeline)""","Date entered ""Propose (Sales Pipeline)""","Date entered ""Closed won (Sales Pipeline)"""
D3,Closed won,2024-03-01 09:00,,2024-03-08 12:00
D4,Qualify,2024-03-01 09:00,,
CSV
printf 'deal,customer,date,rep,outcome\nD3,C3,2024-03-05,a,advance\nD4,C4,2024-03-05,a,advance\n' >hs-visits.csv
# advance: 2 matched, D3 converted, D4 not: 1/2.
funnel-visits --report conversion --history hubspot.csv \
	-S Qualify,Propose --within 7d hs-visits.csv
