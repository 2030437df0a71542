# Rows at one timestamp: X's Lead, Qualified and Closed Won at the same
# second -> won; Y's Qualified and Lost at the same second -> lost at
# Qualified (the outcome closes the stage it ties with), whichever row comes
# first: both row orders give the same bytes.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: X 0, Y 09:00 -> next day 10:00 = 25 h = 1.0417 -> median = mean
# = 0.5208 -> 0.52; Won: X 0 -> 0.00.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Closed Won,2024-01-01 10:00:00' \
	'X,Qualified,2024-01-01 10:00:00' 'X,Lead,2024-01-01 10:00:00' \
	'Y,Lead,2024-01-01 09:00:00' 'Y,Qualified,2024-01-02 10:00:00' 'Y,Lost,2024-01-02 10:00:00' >a.csv
printf '%s\n' 'deal_id,stage,entered_at' 'Y,Lost,2024-01-02 10:00:00' 'Y,Qualified,2024-01-02 10:00:00' \
	'X,Lead,2024-01-01 10:00:00' 'Y,Lead,2024-01-01 09:00:00' \
	'X,Qualified,2024-01-01 10:00:00' 'X,Closed Won,2024-01-01 10:00:00' >b.csv
funnel-stages --stages Lead,Qualified,Won a.csv
funnel-stages --stages Lead,Qualified,Won b.csv >b.out && funnel-stages --stages Lead,Qualified,Won a.csv | cmp - b.out && echo 'row order: same bytes'
