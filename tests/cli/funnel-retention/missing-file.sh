# An input file that does not exist: 66.
funnel-retention no-such.csv
