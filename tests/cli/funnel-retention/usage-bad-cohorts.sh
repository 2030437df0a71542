# An unknown --cohorts: 64, the choices listed.
funnel-retention --cohorts last data/retention/orders.csv
