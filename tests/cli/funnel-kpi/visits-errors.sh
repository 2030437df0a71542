# --visits' usage and data errors.
printf 'opportunity_id,status,amount\no1,open,10\n' >deals.csv
printf 'visit_date,deal_id,outcome\n2024-06-01,o1,maybe\n' >bad.csv
printf 'visit_date,deal_id,outcome\n2024-06-01,o1,advance\n' >visits.csv
# --stale without --visits; a duration without a unit.
funnel-kpi --asof 2024-06-30 --stale 30d deals.csv; echo "exit $?"
funnel-kpi --asof 2024-06-30 --visits visits.csv --stale 30 deals.csv; echo "exit $?"
# A --visits-* option without --visits.
funnel-kpi --asof 2024-06-30 --visits-key deal_id deals.csv; echo "exit $?"
# An outcome outside the vocabulary: 65 at its line.
funnel-kpi --asof 2024-06-30 --visits bad.csv deals.csv; echo "exit $?"
# Deals without a key column cannot be matched to visits.
printf 'status,amount\nopen,10\n' >nokey.csv
funnel-kpi --asof 2024-06-30 --visits visits.csv nokey.csv; echo "exit $?"
# A visit log that cannot be opened.
funnel-kpi --asof 2024-06-30 --visits missing.csv deals.csv; echo "exit $?"
