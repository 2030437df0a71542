# pipeline_value is the sum of the open deals' amounts; an empty amount is
# missing, not 0, so open deals of which none has an amount have no
# pipeline value (empty), and then no weighted pipeline either. Open deals
# of which some have an amount sum those. With no open deal at all the
# pipeline is empty: 0.00, as is its weighted value, and the velocity
# (0 open deals x 500 x 1/2 / 10 days) is 0.00.
#   won a: 10 days, 500; lost b: win_rate 1/2
#   1) c, d open without amounts: pipeline, weighted empty;
#      velocity 2 x 500 x 0.5 / 10 = 50.00
#   2) d with 300: pipeline 300.00, weighted 300 x 0.5 = 150.00
#   3) no open deal: 0.00, 0.00, velocity 0.00
h='id,stage,created_at,close_date,amount'
a='a,Won,2025-01-01,2025-01-11,500'
b='b,Lost,2025-01-01,2025-01-05,'
printf '%s\n' "$h" "$a" "$b" 'c,Proposal,2025-01-02,,' 'd,Lead,2025-01-03,,' |
	funnel-kpi | cut -d, -f1-3,10-
printf '%s\n' "$h" "$a" "$b" 'c,Proposal,2025-01-02,,' 'd,Lead,2025-01-03,,300' |
	funnel-kpi | cut -d, -f1-3,10- | tail -n 1
printf '%s\n' "$h" "$a" "$b" | funnel-kpi | cut -d, -f1-3,10- | tail -n 1
