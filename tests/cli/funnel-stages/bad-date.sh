# An impossible date stops the run (65) naming FILE:LINE, the column and
# the value, as PRODUCT.md section 4 shows; nothing on stdout.
printf '%s\n' 'deal_id,stage,entered_at' 'A,Lead,2025-02-01' 'A,Qualified,2025-02-28' 'B,Lead,2025-02-30' >deals.csv
funnel-stages --stages Lead,Qualified deals.csv
