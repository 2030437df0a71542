# A --by column whose name is also a result column gets "by_" before it,
# so that no two columns share a name (a JSON object would have the key
# twice): "cohort" and "size" do (unit test test_by_name_taken), and so
# must "p1" when the matrix has a p1.  Hand count: A active in January
# and February (ended on 02-29): cohort 2024-01, p1 1/1.
# Was a bug, fixed: the header is "p1,cohort,size,p0,p1".
printf '%s\n' 'customer_id,order_date,p1' 'A,2024-01-31,x' 'A,2024-02-29,x' |
funnel-retention --by p1
