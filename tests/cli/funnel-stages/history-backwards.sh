# An entity going backwards keeps its furthest stage: X went Lead ->
# Proposal -> Qualified and counts up to Proposal; nothing is dropped at
# Proposal. Hand count: one deal, furthest Proposal.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count).
# Qualified: X 01-01 -> 01-03 = 2 days; Proposal (01-02) came before
# Qualified: no time.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,2024-01-01' 'X,Proposal,2024-01-02' 'X,Qualified,2024-01-03' |
funnel-stages --stages Lead,Qualified,Proposal,Won
