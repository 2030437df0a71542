# A header of 100,000 columns (5 used, c6..c100000 not), and records with
# as many fields. Deal 1 won 2025-01-01..01-11 (10 days), 100; deal 2 open,
# 50. date: the latest of the created dates and closed deals' close dates,
# 2025-01-11; win rate 1/1, conversion 1/2, pipeline 50, weighted 50 x 1,
# velocity 1 open x 100 x 1 / 10 days = 10.00.
python3 -c '
import sys
w = sys.stdout.write
w("id,stage,created_at,close_date,amount," + ",".join("c%d" % i for i in range(6, 100001)) + "\n")
pad = "," * 99995
w("1,Won,2025-01-01,2025-01-11,100" + pad + "\n")
w("2,Lead,2025-01-02,,50" + pad + "\n")' >wide.csv
funnel-kpi -k id -s stage -c created_at -C close_date -a amount wide.csv
