# The "sep=;" line counts as line 1: the header is line 2 and a bad date in
# the first record is on line 3.
printf '%s\r\n' 'sep=;' 'deal_id;stage;entered_at' '1;Lead;2025-02-30' |
funnel-stages --stages Lead,Qualified
