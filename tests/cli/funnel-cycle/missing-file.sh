# An input file that does not exist: 66.
funnel-cycle no-such.csv
