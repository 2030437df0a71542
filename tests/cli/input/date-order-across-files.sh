# The day/month order learnt in one file holds for the column in every file
# of the run (funnel-input(7)): a.csv's 13/01/2024 decides D/M, so in b.csv
# Y's Lead 01/02 is 1 Feb and its Lost 02/01 is 2 Jan: the Lead row is the
# latest and Y is open (read M/D it would be lost). Hand count: X Lead,
# Y Lead, nobody lost.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,13/01/2024' >a.csv
printf '%s\n' 'deal_id,stage,entered_at' 'Y,Lead,01/02/2024' 'Y,Lost,02/01/2024' >b.csv
funnel-stages --stages Lead,Qualified a.csv b.csv
