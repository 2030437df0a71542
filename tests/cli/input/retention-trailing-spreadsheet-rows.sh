# A spreadsheet's CRLF export with empty rows (",,") in the middle and
# three at the end: lines whose fields are all empty are skipped. A in
# January and on 2024-02-29 (February ended): p1 1/1.
printf 'customer_id,order_date,amount\r\nA,2024-01-05,10\r\n,,\r\nA,2024-02-29,20\r\n,,\r\n,,\r\n,,\r\n' | funnel-retention
