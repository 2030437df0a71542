# An --outcome-map file is an input like the others: -o and --rejects
# refuse to write over it (64) and leave it whole; a LIST (with '=') is
# not a file.
printf 'label,outcome\nCompleted,continuation\n' >map.csv
printf 'visit_date,deal_id,customer_id,rep,outcome\n2024-01-02,d1,c1,r1,Completed\n' >v.csv
funnel-visits --outcome-map map.csv -o map.csv v.csv; echo "exit $?"
funnel-visits --outcome-map map.csv --rejects map.csv v.csv; echo "exit $?"
cat map.csv
# Completed is a continuation: advance_rate 0 of 1 recorded.
funnel-visits --outcome-map map.csv v.csv | cut -d, -f1,2,8,11
funnel-visits --outcome-map 'Completed=advance' -o out.csv v.csv; echo "exit $?"
cut -d, -f1,2,7,11 out.csv
