# --history (a stage history, to learn how far lost deals went) and its
# options: usage errors (64) when they cannot change the result or name
# what is not there.
# 1) --history without --stages; 2) with --probabilities
# 3) --history-key without --history
# 4) deals without a key column
# 5) a history without a stage column names --history-stage
# 6) a bad --history-encoding; --history-date-format does not exist (the
#    history's dates are not read)
printf '%s\n' deal_id,deal_stage D07,Qualified >hist.csv
printf '%s\n' deal_id,when D07,2025-01-01 >nostage.csv
d=data/kpi/deals.csv
funnel-kpi --history hist.csv $d
echo "exit $?"
funnel-kpi --stages Lead --probabilities data/kpi/probabilities.csv --history hist.csv $d
echo "exit $?"
funnel-kpi --stages Lead --history-key deal_id $d
echo "exit $?"
cut -d, -f2- $d >nokey.csv
funnel-kpi --stages Lead --history hist.csv nokey.csv
echo "exit $?"
funnel-kpi --stages Lead --history nostage.csv $d
echo "exit $?"
funnel-kpi --stages Lead --history hist.csv --history-encoding nope $d
echo "exit $?"
funnel-kpi --stages Lead --history hist.csv --history-date-format dmy $d
echo "exit $?"
