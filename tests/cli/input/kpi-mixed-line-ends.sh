# LF, CRLF and CR line ends mixed in one file (funnel-input(7): the three
# may be mixed). Deals: 1 won 10 days (100), 2 open (50), 3 lost. date
# 2025-01-11; win rate 1/2, conversion 1/3, pipeline 50, weighted 25,
# velocity 1 x 100 x 0.5 / 10 = 5.00.
# Then a bad date on line 4 (after a CRLF and a CR line) is named line 4.
printf 'id,stage,created_at,close_date,amount\n1,Won,2025-01-01,2025-01-11,100\r\n2,Lead,2025-01-02,,50\r3,Lost,2025-01-03,2025-01-04,\n' |
funnel-kpi -k id -s stage -c created_at -C close_date -a amount
printf 'id,stage,created_at,close_date,amount\n1,Won,2025-01-01,2025-01-11,100\r\n2,Lead,2025-01-02,,50\r3,Lost,2025-02-30,2025-03-04,\n' |
funnel-kpi -k id -s stage -c created_at -C close_date -a amount
echo "exit $?"
