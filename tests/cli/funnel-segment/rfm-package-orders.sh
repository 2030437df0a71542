# RFM as the R package rfm 0.3.0 computes it, on its own data
# (tests/data/rfm/rfm_data_orders.csv: 4,906 orders of 995 customers),
# analysis_date 2006-12-31, default 5 bins.  The expected numbers are the
# package's published ones, not ours:
# - README.md "RFM Table" (rfm_table_order, rows 1 to 10): Abbey
#   O'Reilly 205 6 472 343, Add Senger 140 3 340 412, Aden Lesch 194 4
#   405 323, Admiral Senger 132 5 448 433, Agness O'Keefe 90 9 843 555,
#   Aileen Barton 84 9 763 555, Ailene Hermann 281 8 699 355, Aiyanna
#   Bruen 246 4 157 321, Ala Schmidt 349 3 363 212, Alannah Borer 619 4
#   196 121 (recency_days, transaction_count, amount, rfm_score);
# - tests/testthat/test-rfm-table.R: 995 customers, 4906 orders in all.
o=data/rfm/rfm_data_orders.csv
funnel-segment --method rfm --asof 2006-12-31 $o >labels.csv
grep -e "^Abbey O'Reilly," -e '^Add Senger,' -e '^Aden Lesch,' \
	-e '^Admiral Senger,' -e "^Agness O'Keefe," -e '^Aileen Barton,' \
	-e '^Ailene Hermann,' -e '^Aiyanna Bruen,' -e '^Ala Schmidt,' \
	-e '^Alannah Borer,' labels.csv
awk -F, 'NR > 1 { n++; f += $3 } END { print n " customers, " f " orders" }' labels.csv
# The cuts (tests/data/rfm/expected.py): type-7 quantiles plus 1; the
# third recency cut 1 + 296.4 = 297.4 (R's index 1 + 994 * 0.6 =
# 597.4, between 296 and 297); recency scores the other way round.
funnel-segment --method rfm --asof 2006-12-31 --report thresholds $o
# The vignette rfm-introduction's "Segment Summary" with its segments:
# About To Sleep 102 283 23449, At Risk 28 216 22227, Can't Lose Them 47
# 274 32446, Champions 35 316 31646, Lost 148 393 35324, Loyal Customers
# 170 799 76562, Need Attention 10 57 4562, New Customers 104 329 28837,
# Potential Loyalist 342 2211 204856, Promising 9 28 4249 (customers,
# orders, revenue); aov = revenue / orders (23449 / 283 = 82.8587).
funnel-segment --method rfm --asof 2006-12-31 --report summary \
	--rfm-segments data/rfm/segments-vignette.csv $o
# test-rfm-segment.R's segments: its Champions 158 1234 120178.
funnel-segment --method rfm --asof 2006-12-31 --report summary \
	--rfm-segments data/rfm/segments-testthat.csv $o | grep '^Champions,'
