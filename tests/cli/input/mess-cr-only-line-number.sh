# With CR-only line ends each CR still ends a physical line: the bad date
# of the third record is on line 4.
printf 'deal_id,stage,entered_at\r1,Lead,2024-01-01\r2,Lead,2024-01-02\r3,Lead,2024-13-01\r' |
funnel-stages --stages Lead,Qualified
