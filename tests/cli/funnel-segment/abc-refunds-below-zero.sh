# Refunds netting a customer below zero: ABC has no share for it (65,
# naming the customer and its group).  Y: 10 - 15 = -5.
printf '%s\n' customer_id,order_date,amount,region X,2024-01-01,20,North \
	Y,2024-01-02,10,North Y,2024-01-09,-15,North >refunds.csv
funnel-segment --method abc -b region refunds.csv
echo "exit $?"
# A group whose total is not above 0 (South: Z 10 - 10 = 0) is named too;
# North alone is fine.
printf '%s\n' customer_id,order_date,amount,region X,2024-01-01,20,North \
	Z,2024-01-02,10,South Z,2024-01-09,-10,South >zero.csv
funnel-segment --method abc -b region zero.csv
echo "exit $?"
# With --global-cuts the total is all groups' (20 > 0): X's cum is 20 / 20
# = 1 > .95: C (one customer alone is C under the inclusive rule); Z has
# share 0 and cum 1: C.
funnel-segment --method abc -b region --global-cuts zero.csv
