# Amounts are read only when asked for: a column named "amount" holding
# text fails neither the cohort matrix nor --crr without --amount.  Hand
# count (ends 2024-02-29, February's last day): Jan {A}: p1 {A} 1/1;
# Feb {B}: p0.  all: p1 1/1.  --crr Feb: S 1, N 1, E 2, retained 1.
printf '%s\n' 'customer_id,order_date,amount' 'A,2024-01-05,n/a' 'A,2024-02-05,ten' \
	'B,2024-02-29,$$' >o.csv
funnel-retention o.csv
funnel-retention --crr o.csv
