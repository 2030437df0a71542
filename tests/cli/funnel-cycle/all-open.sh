# Every deal still open: nothing is measured, so count 0 and every
# statistic undefined. With --survival the three are censored at the
# latest date in the input, 2024-01-21 (spans 20, 10 and 0 days): S stays
# 1 up to 20 days, is undefined past the last observation (21), and the
# Kaplan-Meier median is not reached -- empty in CSV, a mark in a table,
# whose empty number columns are left out.
printf '%s\n' id,created_at,close_date,stage a,2024-01-01,,Open \
	b,2024-01-11,,Negotiation c,2024-01-21,,Demo >open.csv
funnel-cycle open.csv
funnel-cycle --survival --at 0,10,20,21 open.csv
funnel-cycle -f table --survival --at 0,10,20,21 open.csv
