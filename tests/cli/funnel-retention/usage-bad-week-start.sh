# Weeks start on Monday or Sunday only: 64.
funnel-retention -P week --week-start friday data/retention/weeks.csv
