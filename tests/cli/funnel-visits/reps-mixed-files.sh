# Two logs, one with objective and next-step columns, one without: the
# second file's visits say nothing about objectives, so the rates are
# over the first file's visits only, and blank for a rep seen only in the
# second.
#   alice: a.csv 3 visits, objectives 2 (V1, V3), next steps 1 (V1);
#          b.csv 1 visit: objective_rate 2/3, next_step_rate 1/3.
#   bob:   b.csv only: both blank.
printf 'visit_id,deal,customer,date,rep,objective,outcome,next_step\nV1,D1,C1,2024-03-04,alice,Demo,advance,Send quote\nV2,D1,C1,2024-03-05,alice,,continuation,\nV3,D2,C2,2024-03-06,alice,Intro,advance,\n' >a.csv
printf 'visit_id,deal,customer,date,rep,outcome\nV4,D3,C3,2024-03-07,alice,no-sale\nV5,D4,C4,2024-03-08,bob,order\n' >b.csv
funnel-visits --visit visit_id a.csv b.csv
