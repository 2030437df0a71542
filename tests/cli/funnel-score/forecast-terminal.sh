# Open deals only: a row whose stage or status is an outcome (Closed Won,
# Closed Lost, Won, Lost, or a --won/--lost label) is out of the forecast
# even when the table lists its stage.  Only a (Proposal 1000 at 50%) is
# open: open_deals 1, pipeline 1000, weighted 500, expected wins 0.5.
# -v says how many were left out (4: b to e).
printf '%s\n' id,stage,amount a,Proposal,1000 b,'Closed Won',5000 \
	c,'Closed Lost',3000 d,Won,100 e,Signed,2000 >d.csv
p='Proposal=50%,Closed Won=100%,Won=100%,Signed=100%,Closed Lost=0'
funnel-score --forecast --won Signed --stage-prob "$p" d.csv
funnel-score -v --forecast --won Signed --stage-prob "$p" d.csv 2>&1 >/dev/null |
	grep 'not in the forecast'
# Without --won Signed, e is open at 100%: 1 + 1 = 2 deals, 3000,
# 500 + 2000 = 2500, 1.5.
funnel-score --forecast --stage-prob "$p" d.csv
# A status column decides first (a won deal at stage Proposal is out); a
# blank status falls back on the stage.
printf '%s\n' id,stage,status,amount a,Proposal,open,1000 b,Proposal,won,5000 \
	c,'Closed Lost',,3000 >s.csv
funnel-score --forecast --stage-prob "$p" s.csv
