# An input file that does not exist: 66.
funnel-stages --stages Lead,Qualified no-such.csv
