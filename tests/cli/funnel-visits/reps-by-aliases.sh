# --by the visits' own columns, groups bytewise ("East" < "east" <
# "北"), two columns joined; every alias of the vocabulary.
cat >v.csv <<'CSV'
rep,region,team,date,deal,customer,outcome
r1,east,t1,2024-02-01,D1,C1,晋级
r2,East,t2,2024-02-02,D2,C2,延续
r1,北,t1,2024-02-03,D3,C3,无进展
r2,east,t2,2024-02-04,D1,C1,失败
r1,East,t1,2024-02-05,D2,C2,NONE
r2,北,t2,2024-02-06,D3,C3,NoSale
r1,east,t1,2024-02-07,D4,C1,No_Sale
r2,East,t2,2024-02-08,,C2,No-Sale
r1,北,t1,2024-02-09,D3,C3,Order
r2,east,t2,2024-02-10,D1,C1,
CSV
# Period 02-01 .. 02-10: 10 days.  By region:
# East: 02-02 延续=continuation (D2), 02-05 NONE=no-sale (D2), 02-08
#   No-Sale (no deal): visits 3, deals 1 (D2), customers 1 (C2), 2
#   visits with a deal / 1 = 2.00; continuation 1, no_sale 2;
#   advance_rate 0/3; 3 * 7 / 10 = 2.10 a week.
# east: 晋级=advance (D1), 失败=no-sale (D1), No_Sale (D4), blank (D1):
#   visits 4, deals 2 (D1 D4), customers 1 (C1), 4/2 = 2.00; advance 1,
#   no_sale 2, unrecorded 1: advance_rate 1/3 = 0.3333; 2.80 a week.
# 北: 无进展=no-sale, NoSale=no-sale, Order: visits 3, deals 1 (D3),
#   customers 1, 3/1 = 3.00; order 1 no_sale 2: 1/3 = 0.3333; 2.10.
# No objective, no next-step column: those rates blank.
funnel-visits --by region v.csv
# By region and team: East,t1 (02-05); East,t2 (02-02, 02-08);
# east,t1 (02-01, 02-07); east,t2 (02-04, 02-10); 北,t1 (02-03, 02-09);
# 北,t2 (02-06).  E.g. east,t2: D1 twice, 失败 and blank: deals 1,
# 2/1 = 2.00, no_sale 1, unrecorded 1, advance_rate 0/1 = 0.0000,
# 2 * 7 / 10 = 1.40 a week.
funnel-visits --by region,team v.csv
# --by rep names the column as the header does: the same as no --by.
funnel-visits --by rep v.csv | cut -d, -f1-3
funnel-visits v.csv | cut -d, -f1-3
