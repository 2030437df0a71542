# Options that could not change the result are usage errors (64) when the
# analysis starts, not silently ignored: two of the tables at once, an
# amount outside --summary, --at or --asof without --survival, --time on a
# snapshot, --percentiles on a histogram.
funnel-cycle --per-stage --summary data/cycle/g3.csv; echo "exit $?"
funnel-cycle --amount close_value data/cycle/g3.csv; echo "exit $?"
funnel-cycle --at 30 data/cycle/g3.csv; echo "exit $?"
funnel-cycle --asof today data/cycle/g3.csv; echo "exit $?"
funnel-cycle --time engage_date data/cycle/g3.csv; echo "exit $?"
funnel-cycle --histogram 7d --percentiles 50 data/cycle/g3.csv; echo "exit $?"
funnel-cycle --summary --survival data/cycle/g3.csv; echo "exit $?"
