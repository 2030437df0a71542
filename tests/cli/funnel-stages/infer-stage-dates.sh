# Stage-date columns (wide layout) without --stages: the order is inferred
# from the median first-reach time, not from the order of the options.
# Lead: 01-01, 01-02, 01-03 -> 01-02; Demo: 01-05, 01-04 -> 01-04 12:00;
# Won: 01-10 -> Lead, Demo, Won.
# Furthest: Lead 3, Demo 2, Won 1. Days: L->D 4, 2 -> 3.00; D->W 5.
printf '%s\n' 'deal,lead_date,demo_date,won_date' '1,2025-01-01,2025-01-05,2025-01-10' \
	'2,2025-01-02,2025-01-04,' '3,2025-01-03,,' |
funnel-stages --stage-date Won=won_date --stage-date Demo=demo_date --stage-date Lead=lead_date
