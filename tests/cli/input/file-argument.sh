# The input named as a FILE argument instead of stdin gives the same funnel
# (hand-computed, as in snapshot-auto).
funnel-stages -S Lead,Qualified,Proposal,Won data/stages/snapshot.csv
