# Was a bug, fixed: without a stage or a status column funnel-kpi cannot tell won from
# lost: a usage error (64), but its message does not list the headers found,
# which PRODUCT.md section 1 requires of every missing column ("When a
# needed column cannot be found, the error lists the headers that were
# found") and funnel-kpi does for a column it names (--key below) and
# funnel-cycle for this very case. Expected: the list, as funnel-cycle
# words it.
printf 'id,created_at,closed_at\n1,2024-01-01,2024-01-02\n' | funnel-kpi
echo "exit $?"
funnel-kpi --key nope data/kpi/deals.csv
echo "exit $?"
