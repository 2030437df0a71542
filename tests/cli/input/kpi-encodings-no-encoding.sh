# funnel-kpi without --encoding: a Latin-1 stage label "Gagn\351" (used
# column) is invalid UTF-8: 65 with the hint; a GBK header likewise.
printf 'id,stage,created_at\n1,Won,2025-01-01\n2,Gagn\351,2025-01-02\n' | funnel-kpi -k id -s stage -c created_at
echo "exit $?"
printf '编号,阶段,创建日期\n1,Won,2025-01-01\n' | iconv -f UTF-8 -t GBK | funnel-kpi -k 1 -s 2 -c 3
echo "exit $?"
