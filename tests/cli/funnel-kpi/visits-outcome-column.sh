# --visits-outcome and --visits-outcome-map: a Salesforce-style log whose
# outcome is a custom field with the CRM's own labels.  As of 2024-06-30:
#   Completed (mapped continuation) x2, Advanced (mapped advance) x1,
#   Won (mapped order) x1, blank x1 (unrecorded):
#   advance_rate = (1 + 1) / (5 - 1) = 0.5
# Without the map: "Completed" is no outcome, 65 naming the option.
# Without --visits-outcome: Outcome__c is not found, every visit is
# unrecorded and advance_rate is blank.
cat >deals.csv <<'CSV'
opportunity_id,status,created_at
o1,open,2024-05-01
o2,open,2024-05-02
CSV
cat >events.csv <<'CSV'
WhatId,ActivityDate,Outcome__c
o1,2024-06-01,Completed
o1,2024-06-10,Advanced
o2,2024-06-11,Completed
o2,2024-06-12,Won
o2,2024-06-13,
CSV
m='Completed=continuation,Advanced=advance,Won=order'
funnel-kpi --asof 2024-06-30 --visits events.csv --visits-outcome Outcome__c \
	--visits-outcome-map "$m" deals.csv | cut -d, -f1,2,14,15
funnel-kpi --asof 2024-06-30 --visits events.csv --visits-outcome Outcome__c deals.csv
echo "exit $?"
funnel-kpi --asof 2024-06-30 --visits events.csv deals.csv | cut -d, -f1,14,15
# A map mistyped without '=' that names no file: 64.
funnel-kpi --asof 2024-06-30 --visits events.csv --visits-outcome Outcome__c \
	--visits-outcome-map Completedcontinuation deals.csv
echo "exit $?"
# -v says when the log has no outcome column, naming the option.
funnel-kpi -v --asof 2024-06-30 --visits events.csv deals.csv 2>&1 >/dev/null |
	grep 'outcome column'
