# --period year: calendar years, labelled "2024". Cohorts by the year of
# the first order: 2022 {c1, c2}, 2023 {c3}, 2024 {c4}. c1 comes back in
# 2023, c2 in 2024, c3 orders again within 2023 (period 0). As of
# 2025-06-30, 2025 has not ended: its cells are blank.
# p1: 2022 1/2, 2023 0/1 -> all 1/3 = 0.3333; p2: 2022 1/2 = 0.5000.
# crr = (end - new) / start: 2023 (2 - 1) / 2, 2024 (2 - 1) / 2.
printf '%s\n' customer_id,order_date c1,2022-03-01 c1,2023-05-01 \
	c2,2022-11-30 c2,2024-01-02 c3,2023-02-02 c3,2023-12-31 c4,2024-06-01 >orders.csv
funnel-retention --period year --asof 2025-06-30 orders.csv
funnel-retention --period year --crr --asof 2025-06-30 orders.csv
