# --skip-bad: a record with an impossible date and one with too few fields
# are skipped and counted on stderr.  Hand count over the good rows, A on
# 2024-01-10 and 2024-02-29 (February's last day): cohort 2024-01 {A}, p1
# 1/1.
printf '%s\n' 'customer_id,order_date' 'A,2024-01-10' 'B,2024-02-30' 'C' 'A,2024-02-29' |
funnel-retention --skip-bad
