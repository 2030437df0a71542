# Ratings as exports write them, and ties that rounding would break.
# 1. A semicolon export with decimal commas and Salesforce's quoted
#    fields: need "4,5" is 4.5 with --decimal-comma, budget "5 " is 5:
#    n = 3.5/4 = 0.875 and 1, so (0.875 + 1) / 2 = 93.75.
printf 'deal_id;need;budget\nA;4,5;"5 "\nB;"2";1\n' >dc.csv
funnel-score --dims need,budget --decimal-comma dc.csv
# 2. On a 0-10 scale A1 (9,10,10,0,10) and A2 (7,10,8,7,7) both score
#    (39/50) * 100 = 78 on paper; in doubles one is 78.00000000000001.
#    Scores equal to 9 decimals tie: rank 1 both, A1 first by key, and
#    with --tiers quantile:2 A1 is tier A and A2 tier B (position 1 of 2).
printf 'deal_id,need,budget,authority,timeline,competition\nA1,9,10,10,0,10\nA2,7,10,8,7,7\n' >tie.csv
funnel-score --scale 0-10 --tiers quantile:2 tie.csv
# 3. --by on the key column itself: the group column becomes by_deal_id.
funnel-score --scale 0-10 -b deal_id tie.csv
# 4. A dimension of weight 0 cannot change a score, so it is never the
#    weakest: with weights 1,1,1,0,0 O-103 (5,5,4) is (1+1+0.75)/3 =
#    91.67 weakest authority, O-106 (4,5,5) 91.67 weakest need, tied 1st.
funnel-score --weights 1,1,1,0,0 examples/opportunities.csv | head -3
