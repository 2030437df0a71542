# The input conventions of funnel-input(7): ';' detected from the header,
# amounts with a decimal comma (--decimal-comma), and the same bytes with
# a UTF-8 BOM and CRLF line ends give the same row.
#   won a 10 days 1.234,56 and b 20 days 765,44; c open 2.000,00:
#   win_rate 2/2 = 1.0000, conversion 2/3 = 0.6667, mean = median 15.00,
#   pipeline 2000.00, weighted at the win rate 1: 2000.00,
#   avg won (1234.56 + 765.44) / 2 = 1000.00, velocity 1 x 1000 x 1 / 15
#   = 66.67; date b's 2025-01-21.
printf '%s\n' 'id;stage;created_at;close_date;amount' 'a;Won;2025-01-01;2025-01-11;1.234,56' \
	'b;Won;2025-01-01;2025-01-21;765,44' 'c;Lead;2025-01-02;;2.000,00' >deals.csv
funnel-kpi --decimal-comma deals.csv
{ printf '\357\273\277'; sed 's/$/\r/' deals.csv; } | funnel-kpi --decimal-comma | tail -n 1
