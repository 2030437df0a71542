# Exactly 10,000 daily periods are allowed; one more is refused.
# 2000-01-01 + 9999 days is 2027-05-18 (python3 datetime): cohort,size,
# p0..p9999 is 10002 fields; the second cohort row has one defined cell.
printf '%s\n' 'customer_id,order_date' 'a,2000-01-01' 'b,2027-05-18' >ok.csv
funnel-retention --period day --counts ok.csv | awk -F, '{ print NR, NF }'
printf '%s\n' 'customer_id,order_date' 'a,2000-01-01' 'b,2027-05-19' >over.csv
funnel-retention --period day --counts over.csv
echo "exit $?"
