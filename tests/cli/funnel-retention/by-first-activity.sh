# --by: one matrix per group (groups in byte order of their names), each
# with its all row; a customer's group is that of its first activity row,
# whatever the row order; at a tie in time the smaller name wins.
# A: first 01-05 North (its February row says South).  B: South.
# C: two rows on 02-07, South and North: the tie goes to North.
# D: its 01-02 North row comes after its 01-10 South row in the file, and
#    is the earlier: North.
# Latest date 03-01: March has not ended.
# North: Jan {A,D}: p1 {A} 1/2; Feb {C}: p1 empty; all p1 1/2.
# South: Jan {B}: p1 {B} 1/1; all p1 1/1.
printf '%s\n' 'customer_id,order_date,region' 'A,2024-01-05,North' 'A,2024-02-10,South' \
	'B,2024-01-20,South' 'B,2024-02-03,South' 'C,2024-02-07,South' 'C,2024-02-07,North' \
	'C,2024-03-01,South' 'D,2024-01-10,South' 'D,2024-01-02,North' >by.csv
funnel-retention --by region by.csv
