# --until at the edges of March 2024, one customer each, all started in
# January (except N1, N2):
# K1 ends 2024-02-29, the day before March: not in S for March (in S and
#    E for February: running on Feb 1 and on Feb 29).
# K2 ends 2024-03-01, March's first day: in S (running on the 1st), not E.
# K3 ends 2024-03-31, March's last day: in S and E (its last day is the
#    31st, on which it still runs).
# K4 has two rows: ended 2024-02-10, then renewed with no end: open, in S
#    and E (the latest end wins, an empty end means still running).
# N1 starts 2024-03-01 (new, in E).  N2 starts 2024-03-10 and ends
#    2024-03-20: new but gone by the end, so E - N understates retention,
#    as the textbook formula does.
# Feb: S {K1,K2,K3,K4} 4, N 0, E 4, retained 4: 1, 1, 0.
# Mar: S {K2,K3,K4} 3, N 2, E {K3,K4,N1} 3, retained {K3,K4} 2:
# crr (3-2)/3 = 0.3333, retention 2/3 = 0.6667, churn 0.3333.
printf '%s\n' 'customer_id,date,end' 'K1,2024-01-05,2024-02-29' \
	'K2,2024-01-05,2024-03-01' 'K3,2024-01-05,2024-03-31' \
	'K4,2024-01-05,2024-02-10' 'K4,2024-02-11,' \
	'N1,2024-03-01,' 'N2,2024-03-10,2024-03-20' |
funnel-retention --crr --until end --asof 2024-03-31
