# Headers with no-break spaces (U+00A0, as pasted from a web page):
# "Customer<NBSP>ID" and "Order<NBSP>Date" are named loosely by
# customer_id and order_date (no exact match; the loose match ignores
# case, "_" and U+00A0). A: January and 2024-02-29 (February ended):
# cohort 2024-01 of 1, p1 1/1.
printf 'Customer\302\240ID,Order\302\240Date\nA,2024-01-05\nA,2024-02-29\n' |
funnel-retention -k customer_id -t order_date
