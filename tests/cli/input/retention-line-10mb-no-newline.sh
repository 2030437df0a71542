# A last line of 10,000,000 bytes with no line end: an unused note column
# holds them; the record still counts. A is active in January and on
# 2024-02-29, February's last day, so February has ended and p1 exists:
# cohort 2024-01 of 1, p1 1/1.
python3 -c '
import sys
sys.stdout.write("customer_id,order_date,note\nA,2024-01-05,x\nA,2024-02-29," + "y" * 10000000)' |
funnel-retention
