# The last line opens a quote and the file ends (no line end) before it
# closes: 65, naming the line where the quote opens. With --skip-bad the
# rest of the file is one rejected record: deals 1 (won 10 days) and 2
# (open) remain (the warning counts "1 malformed record"): date 2025-01-11, win rate 1/1, conversion 1/2, cycle 10;
# no amount column: an open deal without an amount makes the pipeline,
# its weighted value, the average won deal and the velocity undefined.
printf 'id,stage,created_at,close_date\n1,Won,2025-01-01,2025-01-11\n2,Lead,2025-01-02,\n3,Lead,"2025-01-03,' >d.csv
funnel-kpi -k id -s stage -c created_at -C close_date d.csv
echo "exit $?"
funnel-kpi -k id -s stage -c created_at -C close_date --skip-bad d.csv | tail -n 1
