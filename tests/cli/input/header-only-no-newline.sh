# A header without a final line end and no records is a header: valid and
# empty, as the header-only cases with a line end (0/0 rates undefined,
# empty cells). funnel-kpi needs --asof for the row's date.
printf 'customer_id,order_date' | funnel-retention
printf 'deal_id,stage' | funnel-stages --stages Lead,Qualified
printf 'id,stage,created_at' | funnel-kpi -k id -s stage -c created_at --asof 2025-03-01
