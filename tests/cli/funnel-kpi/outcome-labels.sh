# Outcomes as funnel-cycle(1) reads them: a status decides when the row has
# one (a: stage "Closed Won" but status Open: open), else the stage label,
# compared ignoring case and surrounding blanks (b " closed won ": won);
# --won and --lost add labels, for a stage or a status (c stage "Signed":
# won; d stage "Dead": lost; e status "Dead": lost); any other stage is
# open (f "Negotiation").
#   won b c = 2, lost d e = 2, open a f = 2: win_rate 2/4 = 0.5000,
#   conversion 2/6 = 0.3333; cycles b 10, c 20: mean = median 15.00
# Without the labels c and d are open (their stage is no outcome) and e's
# status is bad data (see bad-unknown-status.sh): here only a, b, f:
#   won b, open a f: win_rate 1/1 = 1.0000, conversion 1/3 = 0.3333.
printf '%s\n' id,stage,status,created_at,close_date \
	'a,Closed Won,Open,2025-01-01,2025-01-05' 'b, closed won ,,2025-01-01,2025-01-11' \
	'c,Signed,,2025-01-01,2025-01-21' 'd,Dead,,2025-01-01,2025-01-06' \
	'e,Proposal,Dead,2025-01-01,2025-01-07' 'f,Negotiation,,2025-01-02,' >deals.csv
funnel-kpi --won Signed --lost Dead deals.csv | cut -d, -f1-9
grep -v '^[cde],' deals.csv | funnel-kpi | cut -d, -f1-9 | tail -n 1
