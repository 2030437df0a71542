# The purchases log of a customer base (customer_id, purchase_amount,
# date_of_purchase, tab-separated) is read without naming a column.  By
# hand, monthly cohorts as of 2014-03-30: January's 10, 20, 30; 10 came
# back in February (1/3); February's 40, 50 have no ended month after it.
(printf 'customer_id\tpurchase_amount\tdate_of_purchase\n'
 cat data/retention/purchases.txt) | funnel-retention -v
