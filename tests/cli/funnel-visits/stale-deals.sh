# Stale open deals of tests/data/visits/deals.csv against the visits of
# tests/data/visits/visits.csv; as-of 2024-03-31, the latest visit.
# Open: D1 (Open), D3 (blank status, stage Negotiation), D4, D5, D7;
# D2 is won (Won), D6 lost.  Last visits: D1 03-11 (31 - 11 = 20 days,
# 2 visits), D3 03-14 (17 days, 2), D4 03-31 (0 days, 2); D5, D7 never.
v=data/visits/visits.csv
d=data/visits/deals.csv
# --stale 14d: D5, D7 first (never, by deal), then D1 (20), D3 (17).
# --check passes: 4 <= 4.
funnel-visits --report stale --deals-file $d --stale 14d --check 'stale_deals<=4' $v
echo "exit $?"
# --stale 20d: 20 is not more than 20: D1 is not stale; D5, D7 are.
# --check fails after the output: exit 1.
funnel-visits --report stale --deals-file $d --stale 20d --check 'stale_deals==0' $v
echo "exit $?"
# 2w is 14d.  0d: every open deal not visited on the as-of date, so D4
# (visited 03-31, 0 days) is the one left out: D5, D7, D1, D3.  19d:
# D1's 20 days are more, D3's 17 not.
funnel-visits --report stale --deals-file $d --stale 2w $v | sed 1d
funnel-visits --report stale --deals-file $d --stale 0d $v | sed 1d
funnel-visits --report stale --deals-file $d --stale 19d $v | sed 1d
# --asof 2024-03-12: V6 (03-14), V7 (03-17), V8 (03-31) are after it.
# D1: last 03-11, 1 day; D3: last 03-07 (V5), 5 days, 1 visit; D4: no
# visit by then: never visited.  --stale 3d: D4, D5, D7, then D3 (5).
funnel-visits --report stale --deals-file $d --stale 3d --asof 2024-03-12 $v
# A deals file without owner or stage (blank cells), and ties on days
# ordered by deal: X2 and X1 both last visited 03-01, 30 days before
# 03-31.  Status "Closed Won" is won.
cat >deals2.csv <<'CSV'
deal_id,status
X2,Open
X1,Open
X3,Closed Won
CSV
cat >visits2.csv <<'CSV'
deal_id,visit_date
X2,2024-03-01
X1,2024-03-01
X3,2024-03-31
CSV
funnel-visits --report stale --deals-file deals2.csv --stale 1w visits2.csv
