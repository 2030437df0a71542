# In long history a deal belongs to the group of its earliest row (first
# touch), wherever that row sits in the file: X starts with Ann, Y with Cid
# (its 01-02 row comes last). No deal starts with Bob, so Bob has no deal
# and no funnel; a Bob block of zeros would only appear because Bob was
# named on later rows of deals attributed elsewhere. Hand count:
# Ann {X Qualified}, Cid {Y Qualified}.
printf '%s\n' 'deal_id,stage,entered_at,owner' 'X,Lead,2024-01-01,Ann' 'X,Qualified,2024-01-05,Bob' \
	'Y,Qualified,2024-01-03,Bob' 'Y,Lead,2024-01-02,Cid' |
funnel-stages --by owner --stages Lead,Qualified
