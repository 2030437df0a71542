# --customer-level rfm, as rfm_table_customer on the package's
# rfm_data_customer (39,999 customers).  Published, vignette
# rfm-customer-level-data "RFM Table", customers 1 to 10 (recency_days,
# transaction_count, amount, rfm_score): 1: 229 10 1313 235, 2: 467 11
# 1230 145, 3: 143 13 1194 354, 4: 222 9 794 222, 5: 659 3 278 111, 6: 157
# 9 922 323, 7: 195 11 961 243, 8: 572 6 615 111, 9: 244 9 1097 224, 10:
# 239 12 1164 244; test-rfm-table.R: 393223 orders in all.
funnel-segment --method rfm --customer-level --recency recency_days \
	--frequency number_of_orders --monetary revenue \
	data/rfm/rfm_data_customer.csv >labels.csv
awk -F, '$1 ~ /^([1-9]|10)$/' labels.csv
awk -F, 'NR > 1 { n++; f += $3 } END { print n " customers, " f " orders" }' labels.csv
