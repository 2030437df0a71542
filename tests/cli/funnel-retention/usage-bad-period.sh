# An unknown --period: 64, the five periods listed.
funnel-retention --period fortnight data/retention/orders.csv
