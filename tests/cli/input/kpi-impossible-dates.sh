# Impossible created and close dates in funnel-kpi: 2025-13-01 (month 13)
# and 2023-02-29 (2023 is no leap year): 65, naming line and column.
printf '%s\n' id,stage,created_at,close_date 1,Won,2025-13-01,2025-12-20 | funnel-kpi -k id -s stage -c created_at -C close_date
echo "exit $?"
printf '%s\n' id,stage,created_at,close_date 1,Won,2023-01-01,2023-01-20 2,Lost,2023-02-01,2023-02-29 | funnel-kpi -k id -s stage -c created_at -C close_date
echo "exit $?"
