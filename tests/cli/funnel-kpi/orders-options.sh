# The orders are another export than the deals, read with options of
# their own.  data/kpi/orders-latin1.csv is orders.csv as a German export
# writes it (Latin-1, ';', DD.MM.YYYY, headers Kundennummer and
# Bestelldatum): with --orders-key, --orders-time, --orders-encoding and
# --orders-date-format the retention is that of retention-month.sh:
# February, S = 5, retained 2: 0.4000, active_customers 4.
# The delimiter is detected; --orders-delimiter ';' gives the same.
# Messages about the orders name the --orders-... option to give, never
# one of the deals' options (there is no --time):
# 1) no customer column found: --orders-key
# 2) a named date column that is absent: --orders-time
# 3) the Latin-1 header without --orders-encoding
# 4) a bad --orders-delimiter and --orders-encoding: 64 at once
# 5) an --orders-... option without --orders: 64
o=data/kpi/orders-latin1.csv
d=data/kpi/deals.csv
funnel-kpi --orders $o --orders-key Kundennummer --orders-time Bestelldatum \
	--orders-encoding latin1 --orders-date-format %d.%m.%Y $d | cut -d, -f1,14,15
funnel-kpi --orders $o --orders-key 1 --orders-time 2 --orders-delimiter ';' \
	--orders-encoding LATIN1 --orders-date-format %d.%m.%Y $d | cut -d, -f1,14,15 | tail -n 1
funnel-kpi --orders $o --orders-encoding latin1 $d
echo "exit $?"
funnel-kpi --orders $o --orders-key 1 --orders-time when --orders-encoding latin1 $d
echo "exit $?"
funnel-kpi --orders $o --orders-key 1 --orders-time 2 $d
echo "exit $?"
funnel-kpi --orders $o --orders-delimiter ';;' $d
echo "exit $?"
funnel-kpi --orders $o --orders-encoding no-such-encoding $d
echo "exit $?"
funnel-kpi --orders-key Kundennummer $d
echo "exit $?"
