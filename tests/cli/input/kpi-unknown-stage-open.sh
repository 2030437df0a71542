# An unknown stage label in funnel-kpi is neither won nor lost: the deal is
# open (funnel-kpi(1)). 1 won 10 days (100); 2 "Negotiation" (unknown), 40;
# 3 "Lost": win rate 1/2, conversion 1/3, pipeline 40, weighted 40 x 0.5 =
# 20.00, velocity 1 x 100 x 0.5 / 10 = 5.00; date 2025-01-11.
printf '%s\n' id,stage,created_at,close_date,amount 1,Won,2025-01-01,2025-01-11,100 \
	2,Negotiation,2025-01-02,,40 3,Lost,2025-01-03,2025-01-04, |
funnel-kpi -k id -s stage -c created_at -C close_date -a amount
