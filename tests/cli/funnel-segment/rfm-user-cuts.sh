# User cuts are taken as given (no + 1), k = cuts + 1; the outer bounds
# are the data's least number and greatest plus 1, as bins_lower() and
# bins_upper() build them: the package's own example (test-rfm-table.R)
# recency_bins = c(115, 181, 297, 482), frequency_bins = c(4, 5, 6, 8),
# monetary_bins = c(256, 382, 506, 666).  The orders' recency runs from 1
# to 976 days, frequency 1 to 14, monetary 12 to 1488 (expected.py).
funnel-segment --method rfm --asof 2006-12-31 --report thresholds \
	--recency-cuts 115,181,297,482 --frequency-cuts 4,5,6,8 \
	--monetary-cuts 256,382,506,666 data/rfm/rfm_data_orders.csv
# Abbey O'Reilly (205 days, 6 orders, 472): recency in [181, 297): score
# 3; frequency [6, 8): 4; monetary [382, 506): 3: 343.
funnel-segment --method rfm --asof 2006-12-31 \
	--recency-cuts 115,181,297,482 --frequency-cuts 4,5,6,8 \
	--monetary-cuts 256,382,506,666 data/rfm/rfm_data_orders.csv |
	grep "^Abbey O'Reilly,"
