# Columns found by their usual names in a Superstore-like export: UTF-8
# BOM, CRLF, "Customer ID" and "Order Date" in M/D/YYYY (3/31/2024, line
# 6, is the first value that decides the order), and a Sales column that
# is not read without --revenue; -v reports the choices.  Hand count: cohort 2024-01 {AA-1, BB-2}: p1 (Feb)
# {AA-1} 1/2, p2 (Mar) 0/2; cohort 2024-02 {CC-3}: p1 (Mar) {CC-3} 1/1.
# --asof 2024-03-31 ends March (the October row is left out).
printf '\357\273\277Row ID,Order Date,Customer ID,Sales\r\n1,1/5/2024,AA-1,10\r\n2,1/9/2024,BB-2,1\r\n3,2/1/2024,AA-1,5\r\n4,2/3/2024,CC-3,7\r\n5,3/31/2024,CC-3,2\r\n6,10/15/2024,BB-2,9\r\n' >store.csv
funnel-retention -v --asof 2024-03-31 store.csv
