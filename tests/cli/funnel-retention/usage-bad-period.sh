# An unknown --period: 64, the four periods listed.
funnel-retention --period year data/retention/orders.csv
