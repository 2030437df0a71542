# With --by and --orders the orders carry no group: retention_rate and
# active_customers are those of all customers (0.4000 and 4, as in
# retention-month.sh), on the row of all deals only; the group rows leave
# them undefined.
funnel-kpi --by region --orders data/kpi/orders.csv data/kpi/deals.csv | cut -d, -f1,2,15,16
