# --by takes the group of the customer's first activity, whatever the row
# order.  X's rows, in file order: 2024-03-01 South, 2024-01-10 South,
# 2024-02-01 North.  The first activity is 2024-01-10, South.
# Hand count (March has not ended: months Jan-Feb): cohort 2024-01 {X},
# p0 1, p1 (Feb) 1.
# Was a bug, fixed: X is put in North.  A second row of the group already held (South)
# that is earlier than the first one read does not move the time the
# group was taken at (fnl_groups_prefer returns false for the same group,
# so group_time stays 03-01), and North's 02-01 then looks earlier.
# funnel-stages' first-touch attribution shares the code and the fault.
printf '%s\n' 'customer_id,order_date,region' 'X,2024-03-01,South' \
	'X,2024-01-10,South' 'X,2024-02-01,North' | funnel-retention --by region --counts
