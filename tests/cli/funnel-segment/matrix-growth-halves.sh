# --potential growth: days = to - from + 1, mid = from + ceil(days / 2),
# halves [from, mid) and [mid, to].  X buys 10 on Jan 2 and 5 on Jan 3;
# Y 7 on Jan 3 and 1 on Jan 4.
printf '%s\n' customer_id,order_date,amount X,2024-01-02,10 X,2024-01-03,5 \
	Y,2024-01-03,7 Y,2024-01-04,1 >orders.csv
# Jan 1-4, 4 days (even): mid = Jan 1 + 2 = Jan 3.  X: 5 - 10 = -5;
# Y: (7 + 1) - 0 = 8.
funnel-segment --potential growth --from 2024-01-01 --to 2024-01-04 orders.csv
# Jan 1-5, 5 days (odd): mid = Jan 1 + 3 = Jan 4.  X: 0 - 15 = -15;
# Y: 1 - 7 = -6.
funnel-segment --potential growth --from 2024-01-01 --to 2024-01-05 orders.csv
# --mid 2024-01-03 on the same window: as the even one.
funnel-segment --potential growth --from 2024-01-01 --to 2024-01-05 \
	--mid 2024-01-03 orders.csv
