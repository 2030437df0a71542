# A header and no records is valid: no deal, so count 0 and every statistic
# undefined (empty, never 0 or NaN). The row of all deals is always there,
# last; with --by there is no group, so it is the only row, its group cell
# undefined. A histogram has no bucket; the summary counts zeros and its
# rate is 0/0.
h='opportunity_id,sales_agent,deal_stage,engage_date,close_date'
printf '%s\n' "$h" | funnel-cycle
printf '%s\n' "$h" | funnel-cycle --by sales_agent --survival
printf '%s\n' "$h" | funnel-cycle --histogram 7d
printf '%s\n' "$h" | funnel-cycle --summary -f json
printf 'deal,stage,changed_at\n' | funnel-cycle --per-stage
