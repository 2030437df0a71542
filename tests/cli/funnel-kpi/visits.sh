# --visits: advance_rate and stale_deals of a visit log, as of 2024-06-30.
# Visits up to then: o1 advance (05-10) and continuation (06-20), o2 晋级
# = advance (05-01), o3 order (06-01), o4 unrecorded (06-25); o4's no-sale
# of 07-09 is after the date, left out.
#   advance_rate = (order + advance) / (visits - unrecorded)
#                = (1 + 2) / (5 - 1) = 0.75
# Open deals o1, o2, o4, o6 (o6 never visited; o3 won, o5 lost):
#   --stale 30d (default): o1 10 days, o2 60, o4 5, o6 never: 2 stale
#   --stale 9d: o1 10 > 9 too: 3 stale; --stale 10d: o1 10 is not > 10: 2
cat >deals.csv <<'CSV'
opportunity_id,status,created_at,close_date,amount,region
o1,open,2024-05-01,,100,N
o2,open,2024-05-02,,200,S
o3,won,2024-04-01,2024-05-20,300,N
o4,open,2024-05-03,,50,S
o5,lost,2024-04-02,2024-05-21,10,N
o6,open,2024-05-04,,20,N
CSV
cat >visits.csv <<'CSV'
visit_date,deal_id,customer_id,outcome
2024-05-10,o1,c1,advance
2024-06-20,o1,c1,continuation
2024-05-01,o2,c2,晋级
2024-06-01,o3,c3,order
2024-06-25,o4,c4,
2024-07-09,o4,c4,no-sale
CSV
funnel-kpi --asof 2024-06-30 --visits visits.csv deals.csv
for d in 9d 10d; do
	funnel-kpi --asof 2024-06-30 --visits visits.csv --stale $d deals.csv |
		cut -d, -f1,14,15
done
# With --by, on the row of all deals only; after --orders' columns.
printf 'customer_id,order_date\nc1,2024-04-03\nc1,2024-05-03\nc2,2024-05-09\n' >orders.csv
funnel-kpi --asof 2024-06-30 --visits visits.csv --orders orders.csv -b region deals.csv |
	cut -d, -f1,2,15-
# Cron: fails (exit 1) after writing the row while a deal is stale.
funnel-kpi --asof 2024-06-30 --visits visits.csv --check 'stale_deals==0' deals.csv >/dev/null
echo "check: exit $?"
