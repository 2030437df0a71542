# --retention-to: of each cell's customers, those with an order after --to
# and up to the date.  tests/data/segment/orders.csv, first quarter,
# growth: C key; A, B maintain; D, E develop (see funnel-segment(1)).
# B orders on Apr 15: maintain retains 1 of 2 = .5; F's April order is not
# of a customer of the quarter; basic is empty: retention blank.
funnel-segment --from 2024-01-01 --to 2024-03-31 --potential growth \
	--report summary --retention-to 2024-04-30 data/segment/orders.csv
# Up to Apr 10 nobody came back: B's order is after it.
funnel-segment --from 2024-01-01 --to 2024-03-31 --potential growth \
	--report summary --retention-to 2024-04-10 data/segment/orders.csv |
	cut -d, -f1,6,7
