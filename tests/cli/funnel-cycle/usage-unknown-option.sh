# An unknown option: usage error (64), argp's message and hint.
funnel-cycle --bogus <data/cycle/g3.csv
