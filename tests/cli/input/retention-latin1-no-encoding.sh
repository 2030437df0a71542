# Latin-1 bytes without --encoding in funnel-retention. In the customer
# column (used): 65, the bad byte escaped and --encoding suggested, not
# mojibake counted as a customer. In a column the command does not use
# (name) they are not checked: the run succeeds. With --encoding LATIN1
# both read: A in January and 2024-02-29 (February ended), p1 1/1.
printf 'customer_id,order_date,name\nA,2024-01-05,x\nRen\351,2024-01-06,y\n' | funnel-retention
echo "exit $?"
printf 'customer_id,order_date,name\nA,2024-01-05,Ren\351\nA,2024-02-29,y\n' | funnel-retention
printf 'customer_id,order_date,name\nA,2024-01-05,Ren\351\nA,2024-02-29,y\n' | funnel-retention --encoding LATIN1
