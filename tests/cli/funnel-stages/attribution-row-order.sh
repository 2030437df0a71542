# Attribution does not depend on row order, even when a deal's first (or
# last) rows tie in time with different groups: A's Lead and Qualified rows
# share one instant, one North, one South. Each --attribution, on both row
# orders, gives the same bytes (which group wins a tie is not pinned here).
printf '%s\n' 'deal,stage,entered_at,region' 'A,Lead,2025-01-01,North' 'A,Qualified,2025-01-01,South' 'B,Lead,2025-01-02,North' >a.csv
printf '%s\n' 'deal,stage,entered_at,region' 'B,Lead,2025-01-02,North' 'A,Qualified,2025-01-01,South' 'A,Lead,2025-01-01,North' >b.csv
for how in first last; do
	funnel-stages --by region --attribution $how --stages Lead,Qualified a.csv >a.out
	funnel-stages --by region --attribution $how --stages Lead,Qualified b.csv >b.out
	cmp a.out b.out && echo "$how: same bytes"
done
