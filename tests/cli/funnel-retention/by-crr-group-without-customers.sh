# --crr --by: per group, customers by the group of their first activity
# (data as by-first-activity.sh, plus a later row of B in region East:
# B stays South, and no customer belongs to East, so East has no rows).
# North {A,D,C}: Feb: S {A,D} 2, N {C} 1, E {A,C} 2, retained {A} 1:
# crr (2-1)/2, retention 1/2, churn 1/2.
# South {B}: Feb: S 1, N 0, E 1, retained 1: 1, 1, 0.
# March has not ended (latest date 03-01): February only.
# Was a bug, fixed: a row "East,2024-02,0,0,0,0,,," is printed for East, a group no
# customer belongs to (every row's --by value becomes a group, and --crr
# writes rows for every group; the matrix, by-first-activity.sh, shows no
# such group because it has no cohort).
printf '%s\n' 'customer_id,order_date,region' 'A,2024-01-05,North' 'A,2024-02-10,South' \
	'B,2024-01-20,South' 'B,2024-02-03,South' 'B,2024-02-20,East' \
	'C,2024-02-07,South' 'C,2024-02-07,North' 'C,2024-03-01,South' \
	'D,2024-01-10,South' 'D,2024-01-02,North' | funnel-retention --crr --by region
