# A header and no records is valid: zero deals, every rate 0/0 and so
# undefined (empty cells, never 0 or NaN). With --by there is no group at all:
# just the header line.
printf 'deal_id,stage,region\n' | funnel-stages --stages Lead,Qualified
printf 'deal_id,stage,region\n' | funnel-stages --by region --stages Lead,Qualified
