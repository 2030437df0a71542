# In long history a deal belongs to the group of its earliest row (first
# touch), wherever that row sits in the file: X starts with Ann, Y with Cid
# (its 01-02 row comes last). No deal starts with Bob, so Bob has no deal
# and no funnel; a Bob block of zeros would only appear because Bob was
# named on later rows of deals attributed elsewhere (decided: a group that
# no deal is attributed to is not shown). Hand count:
# Ann {X Qualified}, Cid {Y Qualified}.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Ann X 01-01 -> 01-05 = 4, Cid Y 01-02 -> 01-03 = 1. p_value/small_expected
# (with --by): Pearson chi-square across the groups per step, no continuity
# correction, groups with nobody entering the step left out; worked out
# independently (python closed-form chi-square tail): both groups convert 1
# of 1, nothing to compare: empty.
printf '%s\n' 'deal_id,stage,entered_at,owner' 'X,Lead,2024-01-01,Ann' 'X,Qualified,2024-01-05,Bob' \
	'Y,Qualified,2024-01-03,Bob' 'Y,Lead,2024-01-02,Cid' |
funnel-stages --by owner --stages Lead,Qualified
