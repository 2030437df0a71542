# Bad option values: each a usage error (64) naming the option, the value and
# what is expected; nothing is read.
funnel-cycle --outcome open data/cycle/g3.csv; echo "exit $?"
funnel-cycle --percentiles 50,101 data/cycle/g3.csv; echo "exit $?"
funnel-cycle --percentiles 50,50 data/cycle/g3.csv; echo "exit $?"
funnel-cycle --survival --at 30,sixty data/cycle/g3.csv; echo "exit $?"
funnel-cycle --histogram 7 data/cycle/g3.csv; echo "exit $?"
funnel-cycle --histogram 0d data/cycle/g3.csv; echo "exit $?"
funnel-cycle --survival --asof 2024-02-30 data/cycle/g3.csv; echo "exit $?"
