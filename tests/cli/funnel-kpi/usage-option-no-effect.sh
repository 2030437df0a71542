# Was a bug, fixed: options that cannot change the result are silently ignored. The
# house rule (funnel-cycle(1) OPTIONS, tests/cli/funnel-cycle/
# usage-option-no-effect.sh; funnel-retention's "--until is for --crr";
# funnel-kpi's own "--probabilities needs --stages") makes them usage
# errors (64) when the analysis starts, so that a cron line that forgot
# --orders or --append does not quietly do less than its author thinks.
# Expected: 64 for --period without --orders, and for --replace-date or
# --no-replace-date without --append, in the words of the house.
funnel-kpi --period week data/kpi/deals.csv
echo "exit $?"
funnel-kpi --no-replace-date data/kpi/deals.csv
echo "exit $?"
funnel-kpi --replace-date data/kpi/deals.csv
echo "exit $?"
