# Keys stay strings: 00001 and 1 are two deals, not one listed twice.
# 00001 won 2025-01-01..01-11 (10 days, 100); 1 lost. date 2025-01-11;
# win rate 1/2, conversion 1/2, no open deal: pipeline 0.00, weighted
# 0.00, velocity 0 x 100 x 0.5 / 10 = 0.00.
printf '%s\n' id,stage,created_at,close_date,amount 00001,Won,2025-01-01,2025-01-11,100 1,Lost,2025-01-02,2025-01-05, |
funnel-kpi -k id -s stage -c created_at -C close_date -a amount
