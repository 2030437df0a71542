# A header and no records is valid: no customer, no cohort, no period:
# just the header line of the matrix (one offset, p0) and of --crr (with
# nrr and grr when --amount is given); with --by, the group column first.
printf 'customer_id,order_date,amount,region\n' | funnel-retention
printf 'customer_id,order_date,amount,region\n' | funnel-retention --crr
printf 'customer_id,order_date,amount,region\n' | funnel-retention --crr -a amount
printf 'customer_id,order_date,amount,region\n' | funnel-retention --by region
