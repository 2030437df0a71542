# An entity going backwards keeps its furthest stage: X went Lead ->
# Proposal -> Qualified and counts up to Proposal; nothing is dropped at
# Proposal. Hand count: one deal, furthest Proposal.
printf '%s\n' 'deal_id,stage,entered_at' 'X,Lead,2024-01-01' 'X,Proposal,2024-01-02' 'X,Qualified,2024-01-03' |
funnel-stages --stages Lead,Qualified,Proposal,Won
