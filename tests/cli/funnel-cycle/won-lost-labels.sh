# Won and lost come from the stage label (Won, Closed Won, Win; Lost, Closed
# Lost, Loss, ignoring case and blanks) or --won / --lost labels; any other
# label is an open deal, whose close date is ignored. Won: a 2, b 4, e 6
# (--won Signed); lost: c 1, f 3 (--lost Dead); d open.
printf '%s\n' id,created_at,close_date,stage a,2024-01-01,2024-01-03,won \
	b,2024-01-01,2024-01-05,' Closed Won ' c,2024-01-01,2024-01-02,Loss \
	d,2024-01-01,2024-01-30,Negotiation e,2024-01-01,2024-01-07,Signed \
	f,2024-01-01,2024-01-04,Dead >l.csv
funnel-cycle --won Signed --lost Dead --percentiles 50 l.csv
funnel-cycle --won Signed --lost Dead --percentiles 50 --outcome lost l.csv
funnel-cycle --percentiles 50 --outcome closed l.csv
