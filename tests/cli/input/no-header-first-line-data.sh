# The same file without --no-header: its first line is taken as the header
# and customer 10's first purchase is lost, which moves February's crr from
# 0.3333 to 0 (S = 2, N = 3 with 10 now new in February, E = 3).  Columns
# are given by number and line 1 holds a date, so a warning says so; with
# --strict (cron) the warning is exit 65 and no result.
funnel-retention --key 1 --time 3 --crr data/retention/purchases.txt
funnel-retention --strict --key 1 --time 3 --crr data/retention/purchases.txt
echo "exit $?"
