# A check on an undefined value fails, with its own message, whatever the
# operator: pipeline_value of open deals without amounts (as in
# pipeline-undefined.sh); retention_rate with --period day, where nobody
# was active the day before (0/0, as in retention-period.sh).
printf '%s\n' id,stage,created_at,close_date,amount a,Won,2025-01-01,2025-01-11,500 \
	b,Lost,2025-01-01,2025-01-05, c,Proposal,2025-01-02,, >deals.csv
funnel-kpi --check 'pipeline_value>=1000' --check 'pipeline_value!=0' deals.csv >/dev/null
echo "exit $?"
funnel-kpi --orders data/kpi/orders.csv --period day --check 'retention_rate>=0.5' \
	--check 'active_customers>=0' data/kpi/deals.csv >/dev/null
echo "exit $?"
