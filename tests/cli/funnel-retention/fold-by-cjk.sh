# --by with a CJK group label, folded to --width 45: each block repeats
# region, cohort and size, the group's label on its first row in each
# block, rates keep their blocks (U+2584 4/8, U+2588 8/8).  华东: cohort
# 2024-01 of A and B, A back in Feb and Mar: 100%, 50%, 50%, 0%; North:
# 2024-02 of C, back in Mar: 100%, 100%, 0%, and May has not ended
# (groups in byte order: North first).
# Widths by display width (华东 is 4 columns, 6 bytes): region 6, cohort
# 7, size 4, keys 6 + 2 + 7 + 2 + 4 = 21; p0 8 ("100.0% █"), p1 8, p2 7
# ("50.0% ▄"), p3 6 ("0.0%" and a blank block).  21 + 10 + 10 = 41, and
# p2 would make 50: p2 and p3 go to a second block (21 + 9 + 8 = 38).
printf '%s\n' 'customer_id,order_date,region' 'A,2024-01-05,华东' \
	'A,2024-02-10,华东' 'A,2024-03-01,华东' 'B,2024-01-20,华东' \
	'C,2024-02-07,North' 'C,2024-03-07,North' >orders.csv
funnel-retention --by region --asof 2024-04-30 -f table --width 45 orders.csv >table.txt
cat table.txt
echo "widest line: $(wc -L <table.txt)"
