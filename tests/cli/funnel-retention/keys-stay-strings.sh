# Keys stay strings: 007 and 7 are two customers.  Hand count (February
# ends on 02-29): cohort 2024-01 {007, 7}: p1 (Feb) {007} 1/2.
printf '%s\n' 'customer_id,order_date' '007,2024-01-10' '7,2024-01-20' '007,2024-02-29' |
funnel-retention
